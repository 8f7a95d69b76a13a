/** Word lists for realistic MSP customers, people and places. */
export const COMPANY_WORDS = [
  "Acme", "Brightwater", "Cedar Ridge", "Northwind", "Harbor View", "Bluestone", "Redwood",
  "Summit", "Riverside", "Oakhurst", "Pinecrest", "Silverline", "Granite", "Lakeshore", "Meridian",
  "Westbrook", "Ironwood", "Clearwater", "Foxglove", "Highland", "Kingsway", "Larkspur", "Maple Leaf",
  "Northgate", "Orchard", "Parkside", "Quarry Hill", "Rosewood", "Stonebridge", "Thornbury",
  "Upland", "Valley Forge", "Willowbank", "Yarrow", "Zenith", "Ashford", "Beacon", "Copperfield",
  "Driftwood", "Eastfield", "Fairhaven", "Glenmore", "Hawthorne", "Juniper", "Kestrel", "Linden",
  "Millbrook", "Newhaven", "Oldcastle", "Pembroke", "Radcliffe", "Sandpiper", "Trinity", "Vantage",
  "Whitmore", "Alder", "Birchwood", "Crestview", "Dunmore", "Evergreen",
] as const;

export const COMPANY_KINDS = [
  "Dental", "Logistics", "Law Group", "Accounting", "Veterinary Clinic", "Engineering", "Realty",
  "Medical Practice", "Construction", "Insurance", "Architects", "Pharmacy", "Manufacturing",
  "Credit Union", "School District", "Hotel", "Auto Group", "Financial", "Marketing", "Foods",
  "Physical Therapy", "Property Management", "Church", "Library", "Freight", "Plumbing & Heating",
  "Optometry", "Consulting", "Printing", "Brewing Co",
] as const;

export const FIRST_NAMES = [
  "james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "david",
  "elizabeth", "william", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah",
  "chris", "karen", "daniel", "lisa", "matthew", "nancy", "anthony", "betty", "mark", "sandra",
  "paul", "ashley", "steven", "kimberly", "andrew", "emily", "kevin", "donna", "brian", "michelle",
  "george", "carol", "priya", "wei", "fatima", "diego", "aisha", "lukas", "sofia", "omar",
] as const;

export const LAST_NAMES = [
  "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez",
  "martinez", "hernandez", "lopez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson",
  "martin", "lee", "thompson", "white", "harris", "clark", "lewis", "robinson", "walker", "young",
  "allen", "king", "wright", "scott", "green", "baker", "adams", "nelson", "hill", "campbell",
  "patel", "nguyen", "chen", "okafor", "schmidt", "rossi", "kowalski", "murphy", "oconnor", "singh",
] as const;

export const CITIES = [
  "Springfield", "Riverton", "Fairview", "Georgetown", "Salem", "Madison", "Franklin", "Clinton",
  "Arlington", "Ashland", "Burlington", "Manchester", "Dover", "Oxford", "Milton", "Newport",
] as const;

/** Up to 5 upper-case letters for hostnames, e.g. "Cedar Ridge" -> "CEDAR", "Acme" -> "ACME". */
export function hostPrefix(word: string): string {
  const letters = word.replace(/[^A-Za-z]/g, "").toUpperCase();
  return letters.slice(0, letters.length > 6 ? 5 : 6);
}

export function domainFor(word: string): string {
  return `${word.replace(/[^A-Za-z]/g, "").toLowerCase()}.local`;
}
