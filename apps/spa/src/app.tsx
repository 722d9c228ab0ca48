import { INFO_PAGES, MAIL_PAGES } from "@lba/core/schemas";
import { WIDGET_PAGES } from "@lba/core/widget";
import { HomePage } from "./pages/home-page";
import {
  AccessibilityPage,
  ContactPage,
  FaqPage,
  InterviewAdvicePage,
  LegalNoticePage,
  NotFoundPage,
  PrivacyPage,
} from "./pages/info-pages";
import { IntentionPage } from "./pages/intention-page";
import { FollowUpPage, RecruiterViewPage, UnsubscribePage } from "./pages/recruiter-pages";
import { useLocation } from "./lib/router";
import { LocatedSearchPage } from "./search/located-search-page";
import { TestWidgetPage } from "./widget/test-widget-page";
import { WidgetApplyPage } from "./widget/widget-apply-page";
import { isWidgetRequest } from "./widget/widget-mode";
import { WidgetSearchPage } from "./widget/widget-search-page";

export function App() {
  const { pathname, search } = useLocation();
  const path = pathname.replace(/\/+$/, "") || "/";
  switch (path) {
    case "/":
      return <HomePage />;
    case WIDGET_PAGES.search:
      // Also the "all" widget: a caller (or the loader's embed_origin) in the URL selects the widget mode.
      return isWidgetRequest(search) ? (
        <WidgetSearchPage scope="all" search={search} pathname={path} />
      ) : (
        <LocatedSearchPage layout="site" scope="all" search={search} pathname={path} />
      );
    case WIDGET_PAGES.trainings:
      return <WidgetSearchPage scope="trainings" search={search} pathname={path} />;
    case WIDGET_PAGES.jobs:
      return <WidgetSearchPage scope="jobs" search={search} pathname={path} />;
    case WIDGET_PAGES.apply:
      return <WidgetApplyPage search={search} />;
    case "/test-widget":
      return <TestWidgetPage />;
    case MAIL_PAGES.intention:
      return <IntentionPage search={search} />;
    case MAIL_PAGES.recruiterView:
      return <RecruiterViewPage search={search} />;
    case MAIL_PAGES.unsubscribe:
      return <UnsubscribePage search={search} />;
    case MAIL_PAGES.followUp:
      return <FollowUpPage search={search} />;
    case INFO_PAGES.legal:
      return <LegalNoticePage />;
    case INFO_PAGES.privacy:
      return <PrivacyPage />;
    case INFO_PAGES.accessibility:
      return <AccessibilityPage />;
    case INFO_PAGES.contact:
      return <ContactPage />;
    case INFO_PAGES.faq:
      return <FaqPage />;
    case INFO_PAGES.interviewAdvice:
      return <InterviewAdvicePage />;
    // Keep in step with SITE_PAGES (@lba/core/schemas): the server answers 404 on any other path.
    default:
      return <NotFoundPage />;
  }
}
