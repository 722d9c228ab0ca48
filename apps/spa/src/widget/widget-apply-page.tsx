import type { Item } from "@lba/core/schemas";
import type { ApplyType } from "@lba/core/widget";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "../api/client";
import { isNotFound, retryOnce } from "../api/failures";
import { Layout } from "../components/layout";
import { ApplyForm, applyTitle } from "../detail/apply-form";
import { contactAdvice } from "../detail/contact-advice";
import { ItineraryLink, phoneLink, placeText, Row } from "../detail/facts";
import { canApply } from "../lib/item-identity";
import { loadFailureMessage, notFoundMessage, readApplyParams } from "./widget-mode";
import { WidgetFrame } from "./widget-frame";

function fetchItem(
  type: ApplyType,
  itemId: string,
  caller: string,
  signal: AbortSignal,
): Promise<Item | null> {
  return type === "matcha"
    ? api.matcha(itemId, { signal, caller })
    : api.company(itemId, type, { signal, caller });
}

function Problem({ message }: { message: string }) {
  return (
    <div className="alert alert--error widget-problem" role="alert">
      <h1 className="widget-problem__title">Candidature impossible</h1>
      <p>{message}</p>
    </div>
  );
}

/**
 * A company the widget cannot write to: why and how to reach it, as the site's card says it, with what that
 * advice needs: whom, where to go and, when the server gave one, the number to call.
 */
function CannotApply({ item }: { item: Item }) {
  const name = item.company.name ?? item.title;
  return (
    <>
      <Problem message={contactAdvice(item)} />
      <section className="widget-contact" aria-label="Coordonnées de l'entreprise">
        {name && <h2>{name}</h2>}
        <dl className="detail__facts">
          <Row term="Adresse">{placeText(item.place)}</Row>
          <Row term="Téléphone">{phoneLink(item.contact?.phone)}</Row>
        </dl>
        <ItineraryLink place={item.place} />
      </section>
    </>
  );
}

/** docs/reference/v1.md#s10-2 "Postuler" widget: the application form for one company or offer, inline. */
export function WidgetApplyPage({ search }: { search: URLSearchParams }) {
  const params = readApplyParams(search);
  const item = useQuery({
    queryKey: ["widget.apply", params.ok ? params.type : null, params.ok ? params.itemId : null],
    enabled: params.ok,
    // Not again when gone, refused or asked to wait: an immediate retry would only be refused again.
    retry: (count, error) => !isNotFound(error) && retryOnce(count, error),
    queryFn: ({ signal }) =>
      params.ok ? fetchItem(params.type, params.itemId, params.caller, signal) : null,
  });

  const title = item.data ? applyTitle(item.data) : "Postuler";
  useEffect(() => {
    document.title = `${title} : La bonne alternance`;
  }, [title]);

  let content: React.ReactNode;
  if (!params.ok) content = <Problem message={params.message} />;
  else if (item.isPending) {
    content = (
      <p className="loading" role="status">
        Chargement de l'offre…
      </p>
    );
  } else if (item.isError)
    content = <Problem message={loadFailureMessage(item.error, params.type, params.itemId)} />;
  else if (!item.data) content = <Problem message={notFoundMessage(params.type, params.itemId)} />;
  // Why, as the site's card says it: the item's own reason (a company that unsubscribed) and how to reach it.
  else if (!canApply(item.data)) content = <CannotApply item={item.data} />;
  else content = <ApplyForm item={item.data} caller={params.caller} titleTag="h1" />;

  return (
    <WidgetFrame
      search={search}
      applicationTarget={params.ok ? { itemId: params.itemId, type: params.type } : undefined}
    >
      <Layout layout="widget">
        <div className="widget-apply">{content}</div>
      </Layout>
    </WidgetFrame>
  );
}
