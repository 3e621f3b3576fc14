// Three invented reports of one state visit, shared by the claim tests and the tests of judgements
// applied in place: what agrees, what conflicts, what only looks alike, and an aside.
export const A = `Harbour leaders pledge US$40 billion in trade by 2030
President Amara Diallo of Senegal began a three-day state visit to Portugal on Monday.
The two leaders pledged to expand bilateral trade to US$40 billion by 2030, up from the current US$21.4 billion.
About 3,000 Portuguese companies already operate in Senegal, officials said.
Lisbon and Dakar signed 12 agreements on ports, fishing and solar power.
Tariffs of 6 per cent on fish and 9 per cent on cork were cut in the same deal.
`;
export const B = `Senegal and Portugal sign twelve deals
DAKAR - Senegalese President Amara Diallo wrapped up a three-day visit to Lisbon, where the two sides signed twelve deals.
Bilateral trade reached $21.8 billion last year, and the countries want to reach $40bn by 2030.
More than 3,000 Portuguese firms have operations in Senegal.
Related articles
Shipping rates rose 6 per cent as cork exports fell 9 per cent in the second quarter.
`;
export const C = `Trade between Senegal and Portugal was worth US$21.4 billion in the current year, the ministry said.
Separately, a 2027 target of $30 billion and a 2030 target of $40 billion were set for all trade with West Africa.
`;
