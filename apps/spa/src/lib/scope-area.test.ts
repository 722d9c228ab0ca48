import { describe, expect, it } from "vitest";
import { scopeArea } from "./scope-area";

describe("scopeArea", () => {
  it("names the partner's département or region, else the whole of France", () => {
    expect(scopeArea({ departement: "69" })).toBe("Département 69");
    expect(scopeArea({ region: "84" })).toBe("Région Auvergne-Rhône-Alpes");
    expect(scopeArea({ region: "99" })).toBe("Région 99");
    expect(scopeArea({ domains: "D" })).toBe("France entière");
    expect(scopeArea({})).toBe("France entière");
  });
});
