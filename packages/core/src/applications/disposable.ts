import { emailBurnerList } from "burner-email-providers";

/** True when the domain, or a parent domain (e.g. x.mailinator.com), is a known disposable provider. */
export function isDisposableEmail(email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  const labels = domain.split(".");
  for (let i = 0; i < labels.length - 1; i++) {
    if (emailBurnerList.has(labels.slice(i).join("."))) return true;
  }
  return false;
}
