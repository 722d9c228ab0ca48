import { useEffect } from "react";
import { Layout } from "../components/layout";
import { navigate } from "../lib/router";
import { readCriteria, searchUrl } from "../lib/url-state";
import { focusResultsNext } from "../search/results-focus";
import { SearchForm } from "../search/search-form";

export function HomePage() {
  useEffect(() => {
    document.title = "La bonne alternance : formations et entreprises en apprentissage";
  }, []);
  return (
    <Layout layout="site">
      <section className="hero">
        <div className="container">
          <h1>Trouvez votre formation et votre entreprise en alternance</h1>
          <p className="hero__lead">
            Formations en apprentissage, offres d'emploi et entreprises qui recrutent régulièrement des
            alternants, au même endroit.
          </p>
          <div className="card hero__form">
            <SearchForm
              initial={readCriteria(new URLSearchParams())}
              onSubmit={(criteria) => {
                focusResultsNext();
                navigate(
                  searchUrl("/recherche-apprentissage", criteria, {
                    display: "list",
                    filter: "all",
                    extended: false,
                    selected: null,
                  }),
                );
              }}
            />
          </div>
        </div>
      </section>
      <section className="container steps" aria-labelledby="steps-title">
        <h2 id="steps-title">Comment ça marche ?</h2>
        <ol className="steps__list">
          <li>
            <strong>Cherchez un métier ou un diplôme</strong> et, si vous le souhaitez, une commune.
          </li>
          <li>
            <strong>Comparez les formations</strong> en apprentissage et les entreprises proches de chez vous.
          </li>
          <li>
            <strong>Postulez en ligne</strong> avec votre CV, directement auprès des entreprises.
          </li>
        </ol>
      </section>
    </Layout>
  );
}
