import { Component, type ReactNode } from "react";

/** A map failure (Leaflet throws from its own event handlers) must never blank the results. */
export class MapBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed)
      return (
        <p className="alert alert--info">La carte ne peut pas être affichée ; la liste reste disponible.</p>
      );
    return this.props.children;
  }
}
