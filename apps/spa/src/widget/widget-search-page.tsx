import { LocatedSearchPage } from "../search/located-search-page";
import type { Scope } from "../search/search-page";
import { useSearchEvents } from "./use-search-events";
import { WidgetFrame } from "./widget-frame";

interface WidgetSearchPageProps {
  scope: Scope;
  pathname: string;
  search: URLSearchParams;
}

/** The three search widgets: the site's search page without header and footer, plus the host messaging. */
export function WidgetSearchPage({ scope, pathname, search }: WidgetSearchPageProps) {
  useSearchEvents(scope, search);
  return (
    <WidgetFrame search={search} bounded>
      <LocatedSearchPage layout="widget" scope={scope} pathname={pathname} search={search} />
    </WidgetFrame>
  );
}
