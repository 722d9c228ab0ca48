import { HomePage } from "./pages/home-page";
import { IntentionPage } from "./pages/intention-page";
import { useLocation } from "./lib/router";
import { SearchPage } from "./search/search-page";
import { Layout } from "./components/layout";

export function App() {
  const { pathname, search } = useLocation();
  const path = pathname.replace(/\/+$/, "") || "/";
  switch (path) {
    case "/":
      return <HomePage />;
    case "/recherche-apprentissage":
      return <SearchPage layout="site" scope="all" search={search} pathname={path} />;
    case "/formulaire-intention":
      return <IntentionPage search={search} />;
    default:
      return (
        <Layout layout="site">
          <div className="container page">
            <h1>Page introuvable</h1>
            <p>
              Cette page n'existe pas. <a href="/">Revenir à l'accueil</a>
            </p>
          </div>
        </Layout>
      );
  }
}
