import { lookUpPerson, noPeople, rememberPerson } from "../../../src/core/rules/people";

describe("people known from personnel sheets", () => {
  const people = noPeople();
  const budi = { name: "Drs. Budi Santoso, M.Pd.", status: "pns" as const };
  const ani = { name: "Ani", status: "non-asn" as const };
  rememberPerson(people, { nip: "197001012000031001", nik: null, name: budi.name }, budi);
  rememberPerson(people, { nip: null, nik: "6471055203900002", name: "Ani" }, ani);

  test("found by NIP, NIK, or the name without titles and degrees", () => {
    expect(lookUpPerson(people, { nip: "197001012000031001", nik: null, name: null })).toBe(budi);
    expect(lookUpPerson(people, { nip: null, nik: "6471055203900002", name: null })).toBe(ani);
    expect(lookUpPerson(people, { nip: null, nik: null, name: "budi  santoso" })).toBe(budi);
  });

  test("the NIP is tried first", () => {
    expect(lookUpPerson(people, { nip: "197001012000031001", nik: "6471055203900002", name: null })).toBe(budi);
  });

  test("unknown keys give null", () => {
    expect(lookUpPerson(people, { nip: "199001012020121001", nik: null, name: "Citra" })).toBeNull();
    expect(lookUpPerson(people, { nip: null, nik: null, name: null })).toBeNull();
  });
});
