#!/usr/bin/env python3
"""Build data/actors.json, Parley's built-in actor dictionary.

Usage:
    python3 data/tools/build_actors.py [--iso FILE] [--wordnet DIR] [--out FILE]

Inputs (Debian packages, read-only):
  * iso-codes     /usr/share/iso-codes/json/iso_3166-1.json  (every ISO 3166-1 entry)
  * wordnet-base  /usr/share/wordnet/data.adj, data.noun     (demonyms: pertainyms)

Everything else -- news names, capitals, government-seat metonyms, demonyms that
WordNet lacks or gets wrong, organisations, armed and political groups, people
and roles -- is written by hand in the tables below.

The output is deterministic (no timestamps), so re-running it on the same inputs
gives a byte-identical file. The script checks its own output: every ISO entry
present, required names present, no forbidden short strings, no pattern shared
by two actors except those declared in AMBIGUOUS. It exits 1 if a check fails.

Standard library only.
"""

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_WORDNET = "/usr/share/wordnet"
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "actors.json"))

# ---------------------------------------------------------------------------
# Countries: names
# ---------------------------------------------------------------------------

# Canonical (news) name where ISO's common_name/name is not what news uses.
NAME_OVERRIDES = {
    "BRN": "Brunei",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CZE": "Czech Republic",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "MAC": "Macau",
    "MAF": "Saint Martin",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SXM": "Sint Maarten",
    "TUR": "Turkey",
    "VAT": "Vatican",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "CCK": "Cocos (Keeling) Islands",
    "SHN": "Saint Helena, Ascension and Tristan da Cunha",
}

# ISO names that are not used as aliases (contested or never written in text).
ISO_NAMES_SKIPPED = {
    "Taiwan, Province of China",
    "Virgin Islands, British",
    "Virgin Islands, U.S.",
    "Congo",                      # ambiguous, see AMBIGUOUS (default COD)
}

# Extra aliases: short forms, older names, spellings used in news. Leading
# articles are never part of a pattern ("Netherlands", not "the Netherlands").
EXTRA_ALIASES = {
    "USA": ["United States of America", "U.S.", "US", "USA", "U.S.A.", "America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "RUS": ["Russian Federation"],
    "CHN": ["People's Republic of China", "PRC"],
    "TWN": ["Republic of China"],
    "KOR": ["Republic of Korea", "ROK", "S. Korea"],
    "PRK": ["Democratic People's Republic of Korea", "DPRK", "D.P.R.K.", "N. Korea"],
    "ARE": ["UAE", "U.A.E."],
    "SAU": ["Kingdom of Saudi Arabia", "KSA"],
    "COD": ["Democratic Republic of Congo", "DR Congo", "D.R. Congo", "DRC",
            "Congo-Kinshasa", "Congo"],
    "COG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CIV": ["Côte d'Ivoire", "Cote d'Ivoire", "Republic of Côte d'Ivoire"],
    "TUR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "CZE": ["Czechia"],
    "IRN": ["Islamic Republic of Iran"],
    "SYR": ["Syrian Arab Republic"],
    "VNM": ["Viet Nam", "Socialist Republic of Vietnam"],
    "LAO": ["Lao PDR"],
    "PSE": ["State of Palestine", "Palestinian territories", "Palestinian Territories",
            "occupied Palestinian territories", "Occupied Palestinian Territories"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia", "Republic of North Macedonia"],
    "CPV": ["Cape Verde"],
    "TLS": ["East Timor"],
    "VAT": ["Holy See", "Vatican City", "Vatican City State"],
    "NLD": ["Holland"],
    "MAC": ["Macao"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LCA": ["St Lucia", "St. Lucia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "STP": ["São Tomé and Príncipe"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "BLR": ["Belorussia"],
    "KGZ": ["Kirgizia"],
    "BES": ["Caribbean Netherlands"],
    "FLK": ["Malvinas"],
    "CCK": ["Cocos Islands", "Keeling Islands"],
    "SHN": ["Saint Helena", "St Helena"],
    "BLM": ["St Barts", "St. Barts", "Saint Barts"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
}

# Government-seat metonyms: "the Kremlin said". Brussels is the EU's (below).
METONYMS = {
    "USA": ["White House"],
    "RUS": ["Kremlin"],
    "GBR": ["Downing Street", "10 Downing Street", "Whitehall"],
    "FRA": ["Élysée", "Elysee", "Élysée Palace", "Elysee Palace"],
    "CHN": ["Zhongnanhai"],
    "KOR": ["Blue House"],
    "IRN": ["Islamic Republic"],
}

# Capital cities (seat of government where it differs), used in news as
# metonyms ("Tehran said"). Written for every ISO entry; [] where there is no
# capital, or where the only name is unsafe as a pattern (see CAPITALS_NOTES).
CAPITALS = {
    "ABW": ["Oranjestad"], "AFG": ["Kabul"], "AGO": ["Luanda"], "AIA": [],
    "ALA": ["Mariehamn"], "ALB": ["Tirana"], "AND": ["Andorra la Vella"],
    "ARE": ["Abu Dhabi"], "ARG": ["Buenos Aires"], "ARM": ["Yerevan"],
    "ASM": ["Pago Pago"], "ATA": [], "ATF": [], "ATG": ["St. John's", "Saint John's"],
    "AUS": ["Canberra"], "AUT": ["Vienna"], "AZE": ["Baku"],
    "BDI": ["Gitega", "Bujumbura"], "BEL": [], "BEN": ["Porto-Novo", "Cotonou"],
    "BES": ["Kralendijk"], "BFA": ["Ouagadougou"], "BGD": ["Dhaka"], "BGR": ["Sofia"],
    "BHR": ["Manama"], "BHS": ["Nassau"], "BIH": ["Sarajevo"], "BLM": ["Gustavia"],
    "BLR": ["Minsk"], "BLZ": ["Belmopan"], "BMU": ["Hamilton"],
    "BOL": ["Sucre", "La Paz"], "BRA": ["Brasília", "Brasilia"], "BRB": ["Bridgetown"],
    "BRN": ["Bandar Seri Begawan"], "BTN": ["Thimphu"], "BVT": [], "BWA": ["Gaborone"],
    "CAF": ["Bangui"], "CAN": ["Ottawa"], "CCK": [], "CHE": ["Bern", "Berne"],
    "CHL": ["Santiago"], "CHN": ["Beijing"], "CIV": ["Yamoussoukro", "Abidjan"],
    "CMR": ["Yaoundé", "Yaounde"], "COD": ["Kinshasa"], "COG": ["Brazzaville"],
    "COK": ["Avarua"], "COL": ["Bogotá", "Bogota"], "COM": ["Moroni"], "CPV": ["Praia"],
    "CRI": ["San José", "San Jose"], "CUB": ["Havana"], "CUW": ["Willemstad"],
    "CXR": ["Flying Fish Cove"], "CYM": ["George Town"], "CYP": ["Nicosia"],
    "CZE": ["Prague"], "DEU": ["Berlin"], "DJI": ["Djibouti"], "DMA": ["Roseau"],
    "DNK": ["Copenhagen"], "DOM": ["Santo Domingo"], "DZA": ["Algiers"], "ECU": ["Quito"],
    "EGY": ["Cairo"], "ERI": ["Asmara"], "ESH": [], "ESP": ["Madrid"], "EST": ["Tallinn"],
    "ETH": ["Addis Ababa"], "FIN": ["Helsinki"], "FJI": ["Suva"], "FLK": ["Stanley"],
    "FRA": ["Paris"], "FRO": ["Tórshavn", "Torshavn"], "FSM": ["Palikir"],
    "GAB": ["Libreville"], "GBR": ["London"], "GEO": ["Tbilisi"],
    "GGY": ["St Peter Port", "Saint Peter Port"], "GHA": ["Accra"], "GIB": ["Gibraltar"],
    "GIN": ["Conakry"], "GLP": ["Basse-Terre"], "GMB": ["Banjul"], "GNB": ["Bissau"],
    "GNQ": ["Malabo"], "GRC": ["Athens"], "GRD": ["St. George's", "Saint George's"],
    "GRL": ["Nuuk"], "GTM": ["Guatemala City"], "GUF": ["Cayenne"],
    "GUM": ["Hagåtña", "Hagatna"], "GUY": ["Georgetown"], "HKG": [], "HMD": [],
    "HND": ["Tegucigalpa"], "HRV": ["Zagreb"], "HTI": ["Port-au-Prince"],
    "HUN": ["Budapest"], "IDN": ["Jakarta"], "IMN": ["Douglas"], "IND": ["New Delhi"],
    "IOT": [], "IRL": ["Dublin"], "IRN": ["Tehran", "Teheran"], "IRQ": ["Baghdad"],
    "ISL": ["Reykjavík", "Reykjavik"], "ISR": ["Jerusalem"], "ITA": ["Rome"],
    "JAM": ["Kingston"], "JEY": ["St Helier", "Saint Helier"], "JOR": ["Amman"],
    "JPN": ["Tokyo"], "KAZ": ["Astana", "Nur-Sultan"], "KEN": ["Nairobi"],
    "KGZ": ["Bishkek"], "KHM": ["Phnom Penh"], "KIR": ["Tarawa", "South Tarawa"],
    "KNA": ["Basseterre"], "KOR": ["Seoul"], "KWT": ["Kuwait City"], "LAO": ["Vientiane"],
    "LBN": ["Beirut"], "LBR": ["Monrovia"], "LBY": ["Tripoli"], "LCA": ["Castries"],
    "LIE": ["Vaduz"], "LKA": ["Sri Jayawardenepura Kotte", "Colombo"], "LSO": ["Maseru"],
    "LTU": ["Vilnius"], "LUX": ["Luxembourg"], "LVA": ["Riga"], "MAC": [],
    "MAF": ["Marigot"], "MAR": ["Rabat"], "MCO": ["Monaco"],
    "MDA": ["Chișinău", "Chisinau"], "MDG": ["Antananarivo"], "MDV": ["Malé"],
    "MEX": ["Mexico City"], "MHL": ["Majuro"], "MKD": ["Skopje"], "MLI": ["Bamako"],
    "MLT": ["Valletta"], "MMR": ["Naypyidaw", "Nay Pyi Taw"], "MNE": ["Podgorica"],
    "MNG": ["Ulaanbaatar", "Ulan Bator"], "MNP": ["Saipan"], "MOZ": ["Maputo"],
    "MRT": ["Nouakchott"], "MSR": ["Brades"], "MTQ": ["Fort-de-France"],
    "MUS": ["Port Louis"], "MWI": ["Lilongwe"], "MYS": ["Kuala Lumpur", "Putrajaya"],
    "MYT": ["Mamoudzou"], "NAM": ["Windhoek"], "NCL": ["Nouméa", "Noumea"],
    "NER": ["Niamey"], "NFK": [], "NGA": ["Abuja"], "NIC": ["Managua"], "NIU": ["Alofi"],
    "NLD": ["Amsterdam", "The Hague"], "NOR": ["Oslo"], "NPL": ["Kathmandu"],
    "NRU": ["Yaren"], "NZL": ["Wellington"], "OMN": ["Muscat"], "PAK": ["Islamabad"],
    "PAN": ["Panama City"], "PCN": ["Adamstown"], "PER": ["Lima"], "PHL": ["Manila"],
    "PLW": ["Ngerulmud"], "PNG": ["Port Moresby"], "POL": ["Warsaw"], "PRI": ["San Juan"],
    "PRK": ["Pyongyang"], "PRT": ["Lisbon"], "PRY": ["Asunción", "Asuncion"],
    "PSE": ["Ramallah"], "PYF": ["Papeete"], "QAT": ["Doha"], "REU": ["Saint-Denis"],
    "ROU": ["Bucharest"], "RUS": ["Moscow"], "RWA": ["Kigali"], "SAU": ["Riyadh"],
    "SDN": ["Khartoum", "Port Sudan"], "SEN": ["Dakar"], "SGP": ["Singapore"],
    "SGS": ["King Edward Point"], "SHN": ["Jamestown"], "SJM": ["Longyearbyen"],
    "SLB": ["Honiara"], "SLE": ["Freetown"], "SLV": ["San Salvador"], "SMR": ["San Marino"],
    "SOM": ["Mogadishu"], "SPM": ["Saint-Pierre"], "SRB": ["Belgrade"], "SSD": ["Juba"],
    "STP": ["São Tomé", "Sao Tome"], "SUR": ["Paramaribo"], "SVK": ["Bratislava"],
    "SVN": ["Ljubljana"], "SWE": ["Stockholm"], "SWZ": ["Mbabane", "Lobamba"],
    "SXM": ["Philipsburg"], "SYC": ["Victoria"], "SYR": ["Damascus"],
    "TCA": ["Cockburn Town"], "TCD": ["N'Djamena", "Ndjamena"], "TGO": ["Lomé", "Lome"],
    "THA": ["Bangkok"], "TJK": ["Dushanbe"], "TKL": [], "TKM": ["Ashgabat"],
    "TLS": ["Dili"], "TON": ["Nuku'alofa"], "TTO": ["Port of Spain"], "TUN": ["Tunis"],
    "TUR": ["Ankara"], "TUV": ["Funafuti"], "TWN": ["Taipei"],
    "TZA": ["Dodoma", "Dar es Salaam"], "UGA": ["Kampala"], "UKR": ["Kyiv", "Kiev"],
    "UMI": [], "URY": ["Montevideo"], "USA": ["Washington", "Washington, D.C."],
    "UZB": ["Tashkent"], "VAT": ["Vatican City"], "VCT": ["Kingstown"],
    "VEN": ["Caracas"], "VGB": ["Road Town"], "VIR": ["Charlotte Amalie"],
    "VNM": ["Hanoi"], "VUT": ["Port Vila"], "WLF": ["Mata-Utu"], "WSM": ["Apia"],
    "YEM": ["Sanaa", "Sana'a", "Aden"], "ZAF": ["Pretoria", "Cape Town", "Bloemfontein"],
    "ZMB": ["Lusaka"], "ZWE": ["Harare"],
}

# Why some capitals are missing or deliberately left out (kept in the actor's note).
CAPITALS_NOTES = {
    "BEL": "Capital Brussels is listed as a metonym of the EU, which it names far more often in news.",
    "NFK": "Capital Kingston left out: the string is Jamaica's capital.",
    "AIA": "Capital The Valley left out: unsafe as a text pattern.",
    "CCK": "Administrative centre West Island left out: unsafe as a text pattern.",
    "MSR": "Plymouth (abandoned official capital) left out: also a British city; Brades is the de facto seat.",
    "MDV": "Male written only with its accent (Malé): 'Male' is an English word.",
    "ESH": "Territory disputed; no capital listed.",
}

# Dependent territories: the state they belong to (field "part_of").
TERRITORY_OF = {
    "ABW": "NLD", "AIA": "GBR", "ALA": "FIN", "ASM": "USA", "ATF": "FRA", "BES": "NLD",
    "BLM": "FRA", "BMU": "GBR", "BVT": "NOR", "CCK": "AUS", "COK": "NZL", "CUW": "NLD",
    "CXR": "AUS", "CYM": "GBR", "FLK": "GBR", "FRO": "DNK", "GGY": "GBR", "GIB": "GBR",
    "GLP": "FRA", "GRL": "DNK", "GUF": "FRA", "GUM": "USA", "HKG": "CHN", "HMD": "AUS",
    "IMN": "GBR", "IOT": "GBR", "JEY": "GBR", "MAC": "CHN", "MAF": "FRA", "MNP": "USA",
    "MSR": "GBR", "MTQ": "FRA", "MYT": "FRA", "NCL": "FRA", "NFK": "AUS", "NIU": "NZL",
    "PCN": "GBR", "PRI": "USA", "PYF": "FRA", "REU": "FRA", "SGS": "GBR", "SHN": "GBR",
    "SJM": "NOR", "SPM": "FRA", "SXM": "NLD", "TCA": "GBR", "TKL": "NZL", "UMI": "USA",
    "VGB": "GBR", "VIR": "USA", "WLF": "FRA",
}

# ---------------------------------------------------------------------------
# Countries: demonyms
# ---------------------------------------------------------------------------

# WordNet adjectives that pertain to a country but are not news demonyms of
# the modern state (languages, ethnic groups, archaic or historical forms,
# currencies, prefixed forms) -- dropped.
WORDNET_DROP = {
    "Afghani", "Afghanistani", "Afrikaans", "Afrikaner", "Anglo-Indian", "East Pakistani",
    "Gallic", "Grecian", "Norse", "Tai", "Maroc", "Burundi", "Rhodesian", "Siamese",
    "Kampuchean", "Malayan", "Zairean", "Zairese", "Soviet", "Yugoslav", "Yugoslavian",
    "Iraki", "Katari", "Ghanese", "Ghanian", "Ruandan", "Roumanian", "Rumanian",
    "Saudi-Arabian", "Monacan", "Luxembourgian", "Somalian",
    "Hispaniolan",   # the island shared by Haiti and the Dominican Republic
    "Cyprian",       # archaic; also a given name
    "Mongol", "Mongoloid",   # ethnic / offensive, not the state
    "Ceylonese",     # pre-1972 name
}

# Older or partial WordNet place names that stand for an ISO country when
# mapping pertainyms (used only for that mapping, never as patterns).
WORDNET_PLACE_NAMES = {
    "Ceylon": "LKA", "Luxemburg": "LUX", "Trinidad": "TTO", "Tobago": "TTO",
    "Antigua": "ATG", "Man": "IMN",
}

# WordNet pertainyms that point at the wrong country -- corrected.
WORDNET_FIX = {
    "Mauritanian": "MRT",   # data.adj links it to Mauritius
}

# Adjectival demonyms WordNet lacks (added only when WordNet did not give them).
DEMONYM_SUPPLEMENT = {
    "ABW": ["Aruban"], "AFG": ["Afghan"], "AGO": ["Angolan"], "AIA": ["Anguillan"],
    "ALB": ["Albanian"], "AND": ["Andorran"], "ARE": ["Emirati"],
    "ARG": ["Argentine", "Argentinian"], "ARM": ["Armenian"], "ASM": ["American Samoan"],
    "ATG": ["Antiguan"], "AUS": ["Australian"], "AUT": ["Austrian"],
    "AZE": ["Azerbaijani"], "BDI": ["Burundian"], "BEL": ["Belgian"], "BEN": ["Beninese"],
    "BFA": ["Burkinabe", "Burkinabè"], "BGD": ["Bangladeshi"], "BGR": ["Bulgarian"],
    "BHR": ["Bahraini"], "BHS": ["Bahamian"], "BIH": ["Bosnian"], "BLR": ["Belarusian"],
    "BLZ": ["Belizean"], "BMU": ["Bermudian"], "BOL": ["Bolivian"], "BRA": ["Brazilian"],
    "BRB": ["Barbadian"], "BRN": ["Bruneian"], "BTN": ["Bhutanese"],
    "CAF": ["Central African"], "CAN": ["Canadian"], "CHE": ["Swiss"], "CHL": ["Chilean"],
    "CHN": ["Chinese"], "CIV": ["Ivorian"], "CMR": ["Cameroonian"], "COD": ["Congolese"],
    "COL": ["Colombian"], "COM": ["Comorian", "Comoran"],
    "CPV": ["Cape Verdean", "Cabo Verdean"], "CRI": ["Costa Rican"], "CUB": ["Cuban"],
    "CYM": ["Caymanian"], "CYP": ["Cypriot"], "CZE": ["Czech"], "DEU": ["German"],
    "DJI": ["Djiboutian"], "DNK": ["Danish"], "DOM": ["Dominican"], "DZA": ["Algerian"],
    "ECU": ["Ecuadorian"], "EGY": ["Egyptian"], "ERI": ["Eritrean"], "ESH": ["Sahrawi"],
    "ESP": ["Spanish"], "EST": ["Estonian"], "ETH": ["Ethiopian"], "FIN": ["Finnish"],
    "FJI": ["Fijian"], "FRA": ["French"], "FRO": ["Faroese"], "FSM": ["Micronesian"],
    "GAB": ["Gabonese"], "GBR": ["British"], "GEO": ["Georgian"], "GHA": ["Ghanaian"],
    "GIB": ["Gibraltarian"], "GIN": ["Guinean"], "GMB": ["Gambian"],
    "GNB": ["Bissau-Guinean"], "GNQ": ["Equatorial Guinean", "Equatoguinean"],
    "GRC": ["Greek"], "GRD": ["Grenadian"], "GRL": ["Greenlandic"], "GTM": ["Guatemalan"],
    "GUF": ["French Guianese"], "GUM": ["Guamanian"], "GUY": ["Guyanese"],
    "HND": ["Honduran"], "HRV": ["Croatian"], "HTI": ["Haitian"], "HUN": ["Hungarian"],
    "IDN": ["Indonesian"], "IMN": ["Manx"], "IND": ["Indian"], "IRL": ["Irish"],
    "IRN": ["Iranian"], "IRQ": ["Iraqi"], "ISL": ["Icelandic"], "ISR": ["Israeli"],
    "ITA": ["Italian"], "JAM": ["Jamaican"], "JOR": ["Jordanian"], "JPN": ["Japanese"],
    "KAZ": ["Kazakh", "Kazakhstani"], "KEN": ["Kenyan"], "KGZ": ["Kyrgyz", "Kyrgyzstani"],
    "KHM": ["Cambodian"], "KNA": ["Kittitian"], "KOR": ["South Korean"],
    "KWT": ["Kuwaiti"], "LAO": ["Lao", "Laotian"], "LBN": ["Lebanese"],
    "LBR": ["Liberian"], "LBY": ["Libyan"], "LCA": ["Saint Lucian"],
    "LIE": ["Liechtensteiner"], "LKA": ["Sri Lankan"], "LTU": ["Lithuanian"],
    "LUX": ["Luxembourgish", "Luxembourger"], "LVA": ["Latvian"], "MAC": ["Macanese"],
    "MAR": ["Moroccan"], "MCO": ["Monegasque"], "MDA": ["Moldovan"],
    "MDG": ["Malagasy", "Madagascan"], "MDV": ["Maldivian"], "MEX": ["Mexican"],
    "MHL": ["Marshallese"], "MKD": ["Macedonian", "North Macedonian"], "MLI": ["Malian"],
    "MLT": ["Maltese"], "MMR": ["Burmese"], "MNE": ["Montenegrin"], "MNG": ["Mongolian"],
    "MOZ": ["Mozambican"], "MRT": ["Mauritanian"], "MUS": ["Mauritian"],
    "MWI": ["Malawian"], "MYS": ["Malaysian"], "NAM": ["Namibian"],
    "NCL": ["New Caledonian"], "NER": ["Nigerien"], "NGA": ["Nigerian"],
    "NIC": ["Nicaraguan"], "NIU": ["Niuean"], "NLD": ["Dutch"], "NOR": ["Norwegian"],
    "NPL": ["Nepali", "Nepalese"], "NRU": ["Nauruan"], "OMN": ["Omani"],
    "PAK": ["Pakistani"], "PAN": ["Panamanian"], "PER": ["Peruvian"],
    "PHL": ["Philippine", "Filipino"], "PLW": ["Palauan"], "PNG": ["Papua New Guinean"],
    "POL": ["Polish"], "PRI": ["Puerto Rican"], "PRK": ["North Korean"],
    "PRT": ["Portuguese"], "PRY": ["Paraguayan"], "PSE": ["Palestinian"],
    "PYF": ["French Polynesian"], "QAT": ["Qatari"], "ROU": ["Romanian"],
    "RUS": ["Russian"], "RWA": ["Rwandan"], "SAU": ["Saudi", "Saudi Arabian"],
    "SDN": ["Sudanese"], "SEN": ["Senegalese"], "SGP": ["Singaporean"],
    "SLE": ["Sierra Leonean"], "SLV": ["Salvadoran"], "SMR": ["Sammarinese"],
    "SOM": ["Somali"], "SRB": ["Serbian"], "SSD": ["South Sudanese"],
    "STP": ["São Toméan"], "SUR": ["Surinamese"], "SVK": ["Slovak"],
    "SVN": ["Slovenian", "Slovene"], "SWE": ["Swedish"], "SWZ": ["Swazi"],
    "SYC": ["Seychellois"], "SYR": ["Syrian"], "TCD": ["Chadian"], "TGO": ["Togolese"],
    "THA": ["Thai"], "TJK": ["Tajik", "Tajikistani"], "TKL": ["Tokelauan"],
    "TKM": ["Turkmen"], "TLS": ["Timorese", "East Timorese"], "TON": ["Tongan"],
    "TTO": ["Trinidadian"], "TUN": ["Tunisian"], "TUR": ["Turkish"],
    "TUV": ["Tuvaluan"], "TWN": ["Taiwanese"], "TZA": ["Tanzanian"],
    "UGA": ["Ugandan"], "UKR": ["Ukrainian"], "URY": ["Uruguayan"], "USA": ["American"],
    "UZB": ["Uzbek", "Uzbekistani"], "VCT": ["Vincentian"], "VEN": ["Venezuelan"],
    "VNM": ["Vietnamese"], "WSM": ["Samoan"], "YEM": ["Yemeni"],
    "ZAF": ["South African"], "ZMB": ["Zambian"], "ZWE": ["Zimbabwean"],
}

# Plural (people) forms the English "+s" rule gets wrong. [] = no distinct form
# ("the French"); the adjective itself is already a demonym.
PLURAL_OVERRIDES = {
    "British": ["Britons", "Brits"], "Danish": ["Danes"], "Finnish": ["Finns"],
    "Polish": ["Poles"], "Spanish": ["Spaniards"], "Swedish": ["Swedes"],
    "Turkish": ["Turks"], "Icelandic": ["Icelanders"], "Greenlandic": ["Greenlanders"],
    "Luxembourgish": ["Luxembourgers"], "Czech": ["Czechs"], "Filipino": ["Filipinos"],
    "Philippine": ["Filipinos"], "Lao": ["Laotians"], "Turkmen": ["Turkmens"],
    "Hellenic": [], "Dutch": [], "French": [], "Irish": [], "Swiss": [], "Manx": [],
    "Malagasy": [], "Kyrgyz": [], "Burkinabe": [], "Burkinabè": [], "Seychellois": [],
    "Faroese": [], "Macanese": [], "Monegasque": ["Monegasques"],
}
# Plural forms per country where the people are named by a noun of their own.
PLURAL_EXTRA = {
    "NZL": ["New Zealanders"], "BWA": ["Batswana"], "LSO": ["Basotho"],
    "HKG": ["Hong Kongers"], "SLB": ["Solomon Islanders"], "FLK": ["Falkland Islanders"],
    "VUT": ["Ni-Vanuatu"], "KIR": ["I-Kiribati"], "COK": ["Cook Islanders"],
}

# ---------------------------------------------------------------------------
# Strings that must never be a pattern, and declared ambiguities
# ---------------------------------------------------------------------------

# Two-letter and other short upper-case strings that are English words or
# common abbreviations. None of these may appear as a name, alias, demonym,
# capital or metonym.
FORBIDDEN_PATTERNS = {
    "IT", "IN", "AS", "NO", "ME", "OR", "AM", "IS", "TO", "BE", "AT", "BY", "DO", "GO",
    "SO", "MY", "ID", "AN", "ON", "OF", "UP", "WE", "HE", "HI", "IF", "OK", "PM", "AI",
    "TV", "MP", "GB", "CD", "PR", "CAN", "AND", "ARE", "BEN", "MAR", "PER", "NOR", "DOM",
    "COM", "GIN", "TON", "POL", "MAC", "Male",
}

# Patterns that could name several actors. "default" is the actor that carries
# the pattern (or null: carried by none); the others are possible readings a
# matcher should consider when context points to them.
AMBIGUOUS = [
    {"text": "Congo", "candidates": ["COD", "COG"], "default": "COD",
     "note": "News style uses bare 'Congo' for the DRC; the Republic of the Congo is 'Congo-Brazzaville' or 'Republic of Congo'."},
    {"text": "Congolese", "candidates": ["COD", "COG"], "default": "COD", "note": "Same convention as 'Congo'."},
    {"text": "Korea", "candidates": ["KOR", "PRK"], "default": None, "note": "Peninsula; not a pattern."},
    {"text": "Korean", "candidates": ["KOR", "PRK"], "default": None, "note": "Not a pattern; 'South Korean'/'North Korean' are."},
    {"text": "Dominican", "candidates": ["DOM", "DMA"], "default": "DOM", "note": "Demonym of both the Dominican Republic and Dominica."},
    {"text": "Samoan", "candidates": ["WSM", "ASM"], "default": "WSM", "note": "'American Samoan' is ASM (longest match wins)."},
    {"text": "Georgia", "candidates": ["GEO"], "default": "GEO", "note": "Also a U.S. state."},
    {"text": "Georgian", "candidates": ["GEO"], "default": "GEO", "note": "Also of the U.S. state; also a British period style."},
    {"text": "Jordan", "candidates": ["JOR"], "default": "JOR", "note": "Also a given name and a river."},
    {"text": "Chad", "candidates": ["TCD"], "default": "TCD", "note": "Also a given name."},
    {"text": "Macedonia", "candidates": ["MKD"], "default": "MKD", "note": "Also a region of Greece; country's name before 2019."},
    {"text": "Brussels", "candidates": ["EU", "BEL"], "default": "EU", "note": "Belgian capital, used in news for the EU institutions."},
    {"text": "The Hague", "candidates": ["NLD", "ICC", "ICJ"], "default": "NLD", "note": "Dutch seat of government; also seat of the ICC and ICJ."},
    {"text": "Washington", "candidates": ["USA"], "default": "USA", "note": "Also the U.S. state and a surname."},
    {"text": "America", "candidates": ["USA"], "default": "USA", "note": "Also the continents."},
    {"text": "American", "candidates": ["USA"], "default": "USA", "note": "Inside 'Latin American', 'South American', 'American Samoa' it is not the USA."},
    {"text": "Indian", "candidates": ["IND"], "default": "IND", "note": "Inside 'Indian Ocean', 'American Indian' it is not India."},
    {"text": "Islamic Republic", "candidates": ["IRN", "PAK", "AFG", "MRT"], "default": "IRN", "note": "In news 'the Islamic Republic' is Iran."},
    {"text": "Jerusalem", "candidates": ["ISR", "PSE"], "default": "ISR", "note": "Status disputed; used as a metonym for the Israeli government."},
    {"text": "Sanaa", "candidates": ["YEM", "houthis"], "default": "YEM", "note": "Held by the Houthis since 2014; the recognised government sits in Aden."},
    {"text": "Sana'a", "candidates": ["YEM", "houthis"], "default": "YEM", "note": "See 'Sanaa'."},
    {"text": "Tripoli", "candidates": ["LBY"], "default": "LBY", "note": "Also a city in Lebanon."},
    {"text": "Victoria", "candidates": ["SYC"], "default": "SYC", "note": "Capital of Seychelles; also a given name, Australian state and Canadian city: needs context."},
    {"text": "Hamilton", "candidates": ["BMU"], "default": "BMU", "note": "Also a surname and cities in Canada and New Zealand: needs context."},
    {"text": "Kingston", "candidates": ["JAM", "NFK"], "default": "JAM", "note": "Also Norfolk Island's capital."},
    {"text": "Douglas", "candidates": ["IMN"], "default": "IMN", "note": "Also a given name and surname: needs context."},
    {"text": "Stanley", "candidates": ["FLK"], "default": "FLK", "note": "Also a given name and surname: needs context."},
    {"text": "Jamestown", "candidates": ["SHN"], "default": "SHN", "note": "Also U.S. place names: needs context."},
    {"text": "Georgetown", "candidates": ["GUY"], "default": "GUY", "note": "Also a Washington neighbourhood and university."},
    {"text": "San Juan", "candidates": ["PRI"], "default": "PRI", "note": "Many places share the name: needs context."},
    {"text": "Santiago", "candidates": ["CHL"], "default": "CHL", "note": "Many places share the name."},
    {"text": "Security Council", "candidates": ["UNSC"], "default": "UNSC", "note": "Russia, Iran and others also have national security councils."},
    {"text": "General Assembly", "candidates": ["UNGA"], "default": "UNGA", "note": "Also U.S. state legislatures."},
    {"text": "Congress", "candidates": ["USA-congress"], "default": "USA-congress", "note": "Also India's Congress party and other congresses."},
    {"text": "RSF", "candidates": ["RSF"], "default": "RSF", "note": "Also Reporters Without Borders (Reporters sans frontieres)."},
    {"text": "SDF", "candidates": ["SDF"], "default": "SDF", "note": "Also Japan's Self-Defense Forces."},
    {"text": "AES", "candidates": ["AES"], "default": "AES", "note": "Also a company name and an encryption standard: needs context."},
    {"text": "Majlis", "candidates": ["IRN-majlis"], "default": "IRN-majlis", "note": "Name of several parliaments (Maldives, Oman, ...)."},
    {"text": "Commission", "candidates": ["european-commission"], "default": None, "note": "Not a pattern; resolve from context."},
    {"text": "Hashd", "candidates": ["PMF"], "default": None, "note": "Not a pattern; 'Hashd al-Shaabi' is."},
    {"text": "Wagner", "candidates": ["wagner-group"], "default": None, "note": "Not a pattern (composer, surname); 'Wagner Group' is."},
    {"text": "Sharif", "candidates": ["shehbaz-sharif"], "default": None, "note": "Not a pattern: Nawaz and Shehbaz Sharif."},
    {"text": "Kim", "candidates": ["kim-jong-un"], "default": None, "note": "Not a pattern."},
    {"text": "Sinwar", "candidates": ["yahya-sinwar"], "default": None, "note": "Not a pattern: Yahya and Mohammed Sinwar."},
    {"text": "Aoun", "candidates": ["joseph-aoun"], "default": None, "note": "Not a pattern: Joseph Aoun and Michel Aoun (President 2016-2022)."},
    {"text": "Larijani", "candidates": ["ali-larijani"], "default": None, "note": "Not a pattern: Ali and Sadegh Larijani."},
    {"text": "Bagheri", "candidates": ["mohammad-bagheri", "ali-bagheri-kani"], "default": None, "note": "Not a pattern."},
    {"text": "King Abdullah", "candidates": ["king-abdullah-ii"], "default": "king-abdullah-ii", "note": "Also King Abdullah of Saudi Arabia (died 2015)."},
]

# ---------------------------------------------------------------------------
# Organisations and groups
# ---------------------------------------------------------------------------
# (id, name, kind, aliases, country, cameo, part_of, metonyms, note)
# cameo: CAMEO actor code where known (IGO + CAMEO known-group code), else null.

ORGS = [
    # United Nations system
    ("UN", "United Nations", "organization", ["UN", "U.N.", "United Nations Organization"], None, "IGOUNO", None, [], None),
    ("UNSC", "UN Security Council", "organization",
     ["U.N. Security Council", "United Nations Security Council", "Security Council", "UNSC"], None, "IGOUNO", "UN", [], None),
    ("UNGA", "UN General Assembly", "organization",
     ["U.N. General Assembly", "United Nations General Assembly", "General Assembly", "UNGA"], None, "IGOUNO", "UN", [], None),
    ("UNHRC", "UN Human Rights Council", "organization",
     ["U.N. Human Rights Council", "United Nations Human Rights Council", "Human Rights Council", "UNHRC"], None, "IGOUNO", "UN", [], None),
    ("OHCHR", "Office of the UN High Commissioner for Human Rights", "organization",
     ["OHCHR", "UN human rights office", "U.N. human rights office", "Office of the United Nations High Commissioner for Human Rights"],
     None, "IGOUNOHCH", "UN", [], None),
    ("IAEA", "International Atomic Energy Agency", "organization",
     ["IAEA", "UN nuclear watchdog", "U.N. nuclear watchdog"], None, "IGOUNOIAE", None, [], "Headquarters in Vienna."),
    ("UNHCR", "UNHCR", "organization",
     ["UN refugee agency", "U.N. refugee agency", "United Nations High Commissioner for Refugees",
      "Office of the United Nations High Commissioner for Refugees"], None, "IGOUNOHCR", "UN", [], None),
    ("UNICEF", "UNICEF", "organization", ["Unicef", "United Nations Children's Fund"], None, "IGOUNOKID", "UN", [], None),
    ("WFP", "World Food Programme", "organization", ["World Food Program", "WFP"], None, "IGOUNOWFP", "UN", [], None),
    ("WHO", "World Health Organization", "organization", ["World Health Organisation", "WHO"], None, "IGOUNOWHO", "UN", [], None),
    ("UNRWA", "UNRWA", "organization",
     ["United Nations Relief and Works Agency for Palestine Refugees in the Near East", "UN agency for Palestinian refugees",
      "U.N. agency for Palestinian refugees"], None, "IGOUNO", "UN", [], None),
    ("OCHA", "UN Office for the Coordination of Humanitarian Affairs", "organization",
     ["OCHA", "U.N. Office for the Coordination of Humanitarian Affairs",
      "United Nations Office for the Coordination of Humanitarian Affairs"], None, "IGOUNO", "UN", [], None),
    ("UNIFIL", "UNIFIL", "organization", ["United Nations Interim Force in Lebanon", "UN Interim Force in Lebanon"],
     None, "IGOUNO", "UN", [], "UN peacekeeping force in southern Lebanon."),
    ("MINUSMA", "MINUSMA", "organization",
     ["United Nations Multidimensional Integrated Stabilization Mission in Mali"], None, "IGOUNO", "UN", [],
     "UN peacekeeping mission in Mali, 2013-2023."),
    ("ICJ", "International Court of Justice", "organization", ["ICJ", "World Court"], None, "IGOUNOICJ", "UN", [], "Seat: The Hague."),
    ("ICC", "International Criminal Court", "organization", ["ICC"], None, "IGOICC", None, [], "Seat: The Hague."),
    ("WTO", "World Trade Organization", "organization", ["World Trade Organisation", "WTO"], None, "IGOWTO", None, [], None),
    ("IMF", "International Monetary Fund", "organization", ["IMF"], None, "IGOIMF", None, [], None),
    ("world-bank", "World Bank", "organization", ["World Bank Group"], None, "IGOUNOWBK", None, [], None),
    # Europe
    ("EU", "European Union", "organization", ["EU", "E.U."], None, "IGOEEC", None, ["Brussels"], None),
    ("european-commission", "European Commission", "organization",
     ["EU Commission", "E.U. Commission"], None, "IGOEEC", "EU", [], None),
    ("european-parliament", "European Parliament", "organization",
     ["EU Parliament", "E.U. Parliament"], None, "IGOEEC", "EU", [], None),
    ("european-council", "European Council", "organization", [], None, "IGOEEC", "EU", [], "The EU heads of state or government."),
    ("EEAS", "European External Action Service", "organization", ["EEAS"], None, "IGOEEC", "EU", [], "The EU's diplomatic service."),
    ("E3", "E3", "organization", ["E3 countries", "European troika"], None, None, None, [],
     "France, Germany and the United Kingdom acting together on Iran's nuclear programme."),
    ("P5+1", "P5+1", "organization", ["E3+3", "EU3+3"], None, None, None, [],
     "China, France, Russia, the UK, the US and Germany: the JCPOA negotiating powers."),
    ("NATO", "NATO", "organization",
     ["North Atlantic Treaty Organization", "North Atlantic Treaty Organisation", "Nato", "North Atlantic Alliance"],
     None, "IGONAT", None, [], None),
    ("OSCE", "Organization for Security and Co-operation in Europe", "organization",
     ["OSCE", "Organization for Security and Cooperation in Europe", "Organisation for Security and Co-operation in Europe"],
     None, "IGOSCE", None, [], None),
    ("OECD", "OECD", "organization",
     ["Organisation for Economic Co-operation and Development", "Organization for Economic Cooperation and Development"],
     None, None, None, [], None),
    # Economic and political groupings
    ("G7", "G7", "organization", ["G-7", "Group of Seven"], None, "IGOGOS", None, [], None),
    ("G20", "G20", "organization", ["G-20", "Group of 20", "Group of Twenty"], None, None, None, [], None),
    ("BRICS", "BRICS", "organization", [], None, None, None, [], None),
    ("SCO", "Shanghai Cooperation Organisation", "organization",
     ["SCO", "Shanghai Cooperation Organization"], None, None, None, [], None),
    ("OPEC", "OPEC", "organization", ["Organization of the Petroleum Exporting Countries", "Opec"], None, "IGOOPC", None, [], None),
    ("OPEC+", "OPEC+", "organization", ["OPEC Plus", "Opec+"], None, None, None, [], "OPEC with Russia and other producers."),
    ("ASEAN", "ASEAN", "organization", ["Association of Southeast Asian Nations", "Association of South East Asian Nations"],
     None, "IGOASN", None, [], None),
    # Middle East and Africa
    ("arab-league", "Arab League", "organization", ["League of Arab States"], None, "IGOARL", None, [], None),
    ("GCC", "Gulf Cooperation Council", "organization",
     ["GCC", "Cooperation Council for the Arab States of the Gulf", "Gulf Co-operation Council"], None, "IGOGCC", None, [], None),
    ("OIC", "Organisation of Islamic Cooperation", "organization",
     ["OIC", "Organization of Islamic Cooperation", "Organization of the Islamic Conference"], None, "IGOOIC", None, [], None),
    ("AU", "African Union", "organization", ["AU"], None, None, None, [], "Headquarters in Addis Ababa."),
    ("AU-PSC", "AU Peace and Security Council", "organization",
     ["African Union Peace and Security Council", "Peace and Security Council"], None, None, "AU", [], None),
    ("ECOWAS", "ECOWAS", "organization", ["Economic Community of West African States", "Ecowas"], None, "IGOWAS", None, [], None),
    ("AES", "Alliance of Sahel States", "organization", ["AES", "Confederation of Sahel States"], None, None, None, [],
     "Mali, Burkina Faso and Niger, formed 2023."),
    # Non-governmental organisations
    ("ICRC", "International Committee of the Red Cross", "organization", ["ICRC", "Red Cross"], None, "NGOIRC", None, [], None),
    ("amnesty-international", "Amnesty International", "organization", ["Amnesty"], None, "NGOAMN", None, [], None),
    ("HRW", "Human Rights Watch", "organization", ["HRW"], None, "NGOHRW", None, [], None),
    ("MSF", "Doctors Without Borders", "organization",
     ["Médecins Sans Frontières", "Medecins Sans Frontieres", "MSF"], None, "NGOMSF", None, [], None),
    # National bodies often named in news
    ("USA-state-department", "U.S. State Department", "organization",
     ["State Department", "US State Department", "United States Department of State", "Department of State"],
     "USA", "USAGOV", None, ["Foggy Bottom"], None),
    ("USA-defense-department", "U.S. Department of Defense", "organization",
     ["Pentagon", "Department of Defense", "Defense Department", "US Department of Defense", "Department of War"],
     "USA", "USAMIL", None, [], "Also styled Department of War since 2025."),
    ("USA-treasury", "U.S. Treasury Department", "organization",
     ["US Treasury", "U.S. Treasury", "Treasury Department", "Department of the Treasury", "US Treasury Department"],
     "USA", "USAGOV", None, [], None),
    ("OFAC", "Office of Foreign Assets Control", "organization", ["OFAC"], "USA", "USAGOV", "USA-treasury", [],
     "Administers U.S. sanctions."),
    ("CIA", "Central Intelligence Agency", "organization", ["CIA"], "USA", "USASPY", None, [], None),
    ("USA-congress", "U.S. Congress", "organization", ["US Congress", "United States Congress", "Congress"],
     "USA", "USALEG", None, ["Capitol Hill"], None),
    ("GBR-foreign-office", "Foreign, Commonwealth and Development Office", "organization",
     ["Foreign Office", "FCDO", "Foreign and Commonwealth Office"], "GBR", "GBRGOV", None, [], "The UK foreign ministry."),
    ("MI6", "Secret Intelligence Service", "organization", ["MI6"], "GBR", "GBRSPY", None, [], None),
    ("FRA-foreign-ministry", "French Ministry for Europe and Foreign Affairs", "organization",
     ["Ministry for Europe and Foreign Affairs"], "FRA", "FRAGOV", None, ["Quai d'Orsay"], "The French foreign ministry."),
    ("RUS-duma", "State Duma", "organization", ["Duma"], "RUS", "RUSLEG", None, [], None),
    ("DEU-bundestag", "Bundestag", "organization", [], "DEU", "DEULEG", None, [], None),
    ("UKR-rada", "Verkhovna Rada", "organization", [], "UKR", "UKRLEG", None, [], None),
    ("CCP", "Chinese Communist Party", "organization", ["Communist Party of China", "CCP", "CPC"], "CHN", "CHNGOV", None, [], None),
    ("PLA", "People's Liberation Army", "organization", ["PLA"], "CHN", "CHNMIL", None, [], None),
    ("IDF", "Israel Defense Forces", "organization", ["IDF", "Israel Defence Forces", "Israeli Defense Forces"], "ISR", "ISRMIL", None, [], None),
    ("mossad", "Mossad", "organization", [], "ISR", "ISRSPY", None, [], None),
    ("shin-bet", "Shin Bet", "organization", ["Shabak", "Israel Security Agency"], "ISR", "ISRSPY", None, [], None),
    ("ISR-knesset", "Knesset", "organization", [], "ISR", "ISRLEG", None, [], None),
    ("IRN-majlis", "Islamic Consultative Assembly", "organization", ["Majlis"], "IRN", "IRNLEG", None, [], "Iran's parliament."),
    ("IRN-snsc", "Supreme National Security Council", "organization", [], "IRN", "IRNGOV", None, [], "Iran's."),
    ("AEOI", "Atomic Energy Organization of Iran", "organization", ["AEOI"], "IRN", "IRNGOV", None, [], None),
    ("palestinian-authority", "Palestinian Authority", "organization", ["Palestinian National Authority"], "PSE", "PSEGOV", None, [], None),
    ("RUS-africa-corps", "Africa Corps", "organization", ["Russian Africa Corps"], "RUS", "RUSMIL", None, [],
     "Russian defence ministry force in the Sahel, successor to Wagner there."),
    ("SDN-saf", "Sudanese Armed Forces", "organization", [], "SDN", "SDNMIL", None, [], None),
    # Armed and political groups
    ("IRGC", "Islamic Revolutionary Guard Corps", "group",
     ["IRGC", "Revolutionary Guards", "Revolutionary Guard", "Revolutionary Guard Corps", "Islamic Revolutionary Guards Corps",
      "Sepah", "Pasdaran"], "IRN", "IRNMIL", None, [], None),
    ("quds-force", "Quds Force", "group", ["Qods Force", "IRGC-QF"], "IRN", "IRNMIL", "IRGC", [], None),
    ("basij", "Basij", "group", [], "IRN", "IRNMIL", "IRGC", [], None),
    ("hamas", "Hamas", "group", ["HAMAS", "Islamic Resistance Movement"], "PSE", None, None, [], None),
    ("PIJ", "Palestinian Islamic Jihad", "group", ["PIJ", "Islamic Jihad"], "PSE", None, None, [], None),
    ("fatah", "Fatah", "group", [], "PSE", None, None, [], None),
    ("PLO", "Palestine Liberation Organization", "group", ["PLO", "Palestine Liberation Organisation"], "PSE", None, None, [], None),
    ("hezbollah", "Hezbollah", "group", ["Hizbollah", "Hizballah", "Hizbullah", "Hezbollah movement"], "LBN", None, None, [], None),
    ("houthis", "Houthis", "group", ["Houthi", "Huthis", "Huthi", "Ansar Allah", "Ansarallah", "Houthi movement"], "YEM", None, None, [],
     "Control Sanaa and northern Yemen."),
    ("taliban", "Taliban", "group", ["Taleban", "Islamic Emirate of Afghanistan"], "AFG", None, None, [],
     "Has governed Afghanistan since August 2021."),
    ("ISIS", "Islamic State", "group",
     ["ISIS", "ISIL", "Daesh", "Islamic State group", "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant"],
     None, None, None, [], None),
    ("ISWAP", "Islamic State West Africa Province", "group", ["ISWAP"], "NGA", None, "ISIS", [], None),
    ("IS-Sahel", "Islamic State Sahel Province", "group",
     ["Islamic State in the Greater Sahara", "ISGS", "Islamic State Sahel"], "MLI", None, "ISIS", [], None),
    ("ISKP", "Islamic State Khorasan Province", "group", ["ISKP", "ISIS-K", "Islamic State Khorasan"], "AFG", None, "ISIS", [], None),
    ("al-qaeda", "al-Qaeda", "group", ["al-Qaida", "Al-Qaeda", "Al-Qaida", "al Qaeda", "Al Qaeda", "al-Qa'ida"], None, None, None, [], None),
    ("AQAP", "al-Qaeda in the Arabian Peninsula", "group", ["AQAP", "Al-Qaeda in the Arabian Peninsula"], "YEM", None, "al-qaeda", [], None),
    ("AQIM", "al-Qaeda in the Islamic Maghreb", "group", ["AQIM", "Al-Qaeda in the Islamic Maghreb"], "DZA", None, "al-qaeda", [], None),
    ("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "group",
     ["JNIM", "Jamaat Nusrat al-Islam wal-Muslimin", "Group for the Support of Islam and Muslims",
      "Support Group for Islam and Muslims"], "MLI", None, "al-qaeda", [], "Al-Qaeda affiliate in the Sahel."),
    ("boko-haram", "Boko Haram", "group", [], "NGA", None, None, [], None),
    ("al-shabaab", "al-Shabaab", "group", ["al-Shabab", "Al-Shabaab", "Al-Shabab", "Shabaab"], "SOM", None, "al-qaeda", [], None),
    ("wagner-group", "Wagner Group", "group", ["PMC Wagner", "Wagner mercenary group"], "RUS", None, None, [], None),
    ("M23", "M23", "group", ["March 23 Movement", "M23 rebels"], "COD", None, None, [], "Rebel group in eastern DR Congo."),
    ("RSF", "Rapid Support Forces", "group", ["RSF"], "SDN", None, None, [], "Paramilitary force at war with the Sudanese army since 2023."),
    ("PKK", "Kurdistan Workers' Party", "group", ["PKK", "Kurdistan Workers Party"], "TUR", None, None, [], None),
    ("SDF", "Syrian Democratic Forces", "group", ["SDF"], "SYR", None, None, [], None),
    ("YPG", "People's Protection Units", "group", ["YPG"], "SYR", None, "SDF", [], None),
    ("HTS", "Hayat Tahrir al-Sham", "group", ["HTS", "Hay'at Tahrir al-Sham"], "SYR", None, None, [], None),
    ("PMF", "Popular Mobilization Forces", "group",
     ["PMF", "Popular Mobilisation Forces", "Popular Mobilization Units", "PMU", "Hashd al-Shaabi"], "IRQ", None, None, [], None),
    ("kataib-hezbollah", "Kataib Hezbollah", "group", ["Kata'ib Hezbollah", "Kataib Hizbollah"], "IRQ", None, "PMF", [], None),
    ("muslim-brotherhood", "Muslim Brotherhood", "group", [], "EGY", None, None, [], None),
]

# ---------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------
# kind: "title" (precedes a name: "President X", "Gen. X"), "office" (a position
# named around a name: "X, the spokesman") or "body" (an institution).
# agent: CAMEO agent code the role gives its holder (GOV, MIL, LEG, JUD, COP,
# REL, REB, INS, OPP, MED, SPY) or null when it depends on the organisation.

ROLES = [
    ("Supreme Leader", "office", "GOV", ["Supreme Leader", "supreme leader", "Leader of the Islamic Revolution"]),
    ("President", "title", "GOV", ["President", "president", "Pres.", "presidents"]),
    ("President-elect", "title", "GOV", ["President-elect", "president-elect"]),
    ("Vice President", "title", "GOV", ["Vice President", "vice president", "Vice-President", "vice-president", "VP"]),
    ("Prime Minister", "title", "GOV", ["Prime Minister", "prime minister", "PM", "P.M."]),
    ("Premier", "title", "GOV", ["Premier", "premier"]),
    ("Deputy Prime Minister", "title", "GOV", ["Deputy Prime Minister", "deputy prime minister", "Deputy PM", "deputy PM"]),
    ("Chancellor", "title", "GOV", ["Chancellor", "chancellor"]),
    ("Foreign Minister", "title", "GOV",
     ["Foreign Minister", "foreign minister", "FM", "Minister of Foreign Affairs", "minister of foreign affairs",
      "Foreign Affairs Minister", "foreign affairs minister", "Minister for Foreign Affairs"]),
    ("Deputy Foreign Minister", "title", "GOV", ["Deputy Foreign Minister", "deputy foreign minister", "Vice Foreign Minister", "vice foreign minister"]),
    ("Foreign Secretary", "title", "GOV", ["Foreign Secretary", "foreign secretary"]),
    ("External Affairs Minister", "title", "GOV", ["External Affairs Minister", "external affairs minister", "Minister of External Affairs"]),
    ("Secretary of State", "title", "GOV", ["Secretary of State", "secretary of state"]),
    ("Defence Minister", "title", "MIL",
     ["Defence Minister", "Defense Minister", "defence minister", "defense minister", "Minister of Defence",
      "Minister of Defense", "minister of defence", "minister of defense"]),
    ("Secretary of Defense", "title", "MIL",
     ["Secretary of Defense", "Defense Secretary", "defense secretary", "Defence Secretary", "defence secretary",
      "Secretary of War", "War Secretary"]),
    ("Interior Minister", "title", "GOV", ["Interior Minister", "interior minister", "Minister of Interior", "Minister of the Interior", "Home Secretary"]),
    ("Finance Minister", "title", "GOV", ["Finance Minister", "finance minister", "Minister of Finance", "Chancellor of the Exchequer"]),
    ("Secretary of the Treasury", "title", "GOV", ["Treasury Secretary", "treasury secretary", "Secretary of the Treasury"]),
    ("Commerce Minister", "title", "GOV",
     ["Commerce Minister", "commerce minister", "Minister of Commerce", "Commerce Secretary", "commerce secretary",
      "Trade Minister", "trade minister", "Minister of Trade"]),
    ("Trade Representative", "title", "GOV", ["Trade Representative", "trade representative", "USTR"]),
    ("Energy Minister", "title", "GOV",
     ["Energy Minister", "energy minister", "Oil Minister", "oil minister", "Petroleum Minister", "Minister of Petroleum"]),
    ("Minister", "office", "GOV", ["minister", "Minister", "ministers", "cabinet minister"]),
    ("Deputy Minister", "office", "GOV", ["deputy minister", "Deputy Minister"]),
    ("National Security Adviser", "title", "GOV",
     ["National Security Adviser", "National Security Advisor", "national security adviser", "national security advisor"]),
    ("King", "title", "GOV", ["King", "king"]),
    ("Queen", "title", "GOV", ["Queen", "queen"]),
    ("Crown Prince", "title", "GOV", ["Crown Prince", "crown prince"]),
    ("Prince", "title", None, ["Prince", "prince"]),
    ("Emir", "title", "GOV", ["Emir", "emir", "Amir"]),
    ("Sultan", "title", "GOV", ["Sultan", "sultan"]),
    ("Sheikh", "title", None, ["Sheikh", "Sheik", "Shaikh"]),
    ("Ayatollah", "title", "REL", ["Ayatollah", "ayatollah", "Grand Ayatollah"]),
    ("Pope", "title", "REL", ["Pope", "pope"]),
    ("Secretary-General", "title", None, ["Secretary-General", "Secretary General", "secretary-general", "secretary general"]),
    ("Director General", "title", None, ["Director General", "Director-General", "director general", "director-general"]),
    ("Managing Director", "title", None, ["Managing Director", "managing director"]),
    ("High Representative", "office", None,
     ["High Representative", "high representative", "High Representative for Foreign Affairs and Security Policy"]),
    ("Foreign Policy Chief", "office", None, ["foreign policy chief", "foreign-policy chief", "top diplomat"]),
    ("Commissioner", "title", None, ["Commissioner", "commissioner", "European Commissioner", "EU Commissioner"]),
    ("Senator", "title", "LEG", ["Senator", "senator", "Sen.", "senators"]),
    ("Representative", "title", "LEG", ["Rep.", "Congressman", "Congresswoman", "congressman", "congresswoman"]),
    ("Lawmaker", "office", "LEG",
     ["lawmaker", "lawmakers", "legislator", "legislators", "MP", "MPs", "member of parliament", "Member of Parliament",
      "parliamentarian", "MEP", "MEPs"]),
    ("Speaker", "title", "LEG", ["Speaker", "parliament speaker", "parliamentary speaker", "Speaker of Parliament", "Speaker of the House"]),
    ("General", "title", "MIL",
     ["General", "general", "Gen.", "Lt. Gen.", "Lieutenant General", "Maj. Gen.", "Major General", "Brig. Gen.", "Brigadier General"]),
    ("Field Marshal", "title", "MIL", ["Field Marshal", "field marshal"]),
    ("Admiral", "title", "MIL", ["Admiral", "admiral", "Adm.", "Vice Admiral", "Vice Adm.", "Rear Admiral", "Rear Adm."]),
    ("Colonel", "title", "MIL", ["Colonel", "colonel", "Col.", "Lieutenant Colonel", "Lt. Col."]),
    ("Captain", "title", "MIL", ["Captain", "Capt."]),
    ("Commander", "office", "MIL", ["Commander", "commander", "Cmdr.", "commanders"]),
    ("Chief of Staff", "office", None, ["chief of staff", "Chief of Staff", "Chief of the General Staff", "chief of the general staff"]),
    ("Army Chief", "office", "MIL", ["army chief", "Army Chief", "Chief of Army Staff", "military chief"]),
    ("Spokesperson", "office", None,
     ["spokesperson", "spokesman", "spokeswoman", "Spokesperson", "Spokesman", "Spokeswoman", "spokespeople", "spokesmen",
      "spokeswomen", "spokespersons", "press secretary", "Press Secretary"]),
    ("Ambassador", "title", "GOV", ["Ambassador", "ambassador", "Amb.", "ambassadors"]),
    ("Envoy", "office", "GOV", ["envoy", "Envoy", "envoys"]),
    ("Special Envoy", "office", "GOV", ["special envoy", "Special Envoy", "special representative", "Special Representative"]),
    ("Negotiator", "office", "GOV", ["negotiator", "negotiators", "chief negotiator", "Chief Negotiator", "lead negotiator"]),
    ("Diplomat", "office", "GOV", ["diplomat", "diplomats", "senior diplomat"]),
    ("Official", "office", "GOV", ["official", "officials", "senior official", "senior officials", "government official", "government officials"]),
    ("Head", "office", None, ["head", "Head", "chief", "Chief"]),
    ("Leader", "office", None, ["leader", "leaders", "Leader"]),
    ("Head of State", "office", "GOV", ["head of state", "heads of state"]),
    ("Head of Government", "office", "GOV", ["head of government", "heads of government"]),
    ("Governor", "title", "GOV", ["Governor", "governor", "Gov."]),
    ("Prosecutor", "office", "JUD", ["prosecutor", "Prosecutor", "chief prosecutor", "prosecutors"]),
    ("Judge", "title", "JUD", ["judge", "Judge", "judges"]),
    # bodies
    ("Foreign Ministry", "body", "GOV",
     ["foreign ministry", "Foreign Ministry", "Ministry of Foreign Affairs", "ministry of foreign affairs", "External Affairs Ministry"]),
    ("Defence Ministry", "body", "MIL",
     ["defence ministry", "defense ministry", "Defence Ministry", "Defense Ministry", "Ministry of Defence", "Ministry of Defense"]),
    ("Interior Ministry", "body", "GOV", ["interior ministry", "Interior Ministry", "Ministry of Interior", "Ministry of the Interior"]),
    ("Finance Ministry", "body", "GOV", ["finance ministry", "Finance Ministry", "Ministry of Finance"]),
    ("Commerce Ministry", "body", "GOV",
     ["commerce ministry", "Commerce Ministry", "Ministry of Commerce", "trade ministry", "Trade Ministry"]),
    ("Government", "body", "GOV", ["government", "Government", "governments", "administration", "cabinet", "authorities"]),
    ("Junta", "body", "MIL", ["junta", "military junta", "military government"]),
    ("Military", "body", "MIL", ["military", "army", "armed forces", "Armed Forces", "troops", "soldiers"]),
    ("Parliament", "body", "LEG", ["parliament", "Parliament", "legislature", "National Assembly"]),
    ("Police", "body", "COP", ["police", "security forces"]),
    ("Intelligence", "body", "SPY", ["intelligence service", "intelligence agency", "spy agency"]),
    ("Opposition", "body", "OPP", ["opposition"]),
    ("Rebels", "body", "REB", ["rebels", "rebel", "rebel group"]),
    ("Insurgents", "body", "INS", ["insurgents", "militants", "jihadists", "armed groups"]),
    ("State Media", "body", "MED", ["state media", "state television", "state TV", "state news agency"]),
]

# ---------------------------------------------------------------------------
# People: heads of state/government, foreign ministers and others often in
# news 2015-2026. (id, name, aliases, country-or-org id, role, note)
# ---------------------------------------------------------------------------

PERSONS = [
    # Iran
    ("ali-khamenei", "Ali Khamenei", ["Khamenei", "Ayatollah Ali Khamenei", "Ayatollah Khamenei", "Ali Hosseini Khamenei"],
     "IRN", "Supreme Leader", "Supreme Leader since 1989; President 1981-1989."),
    ("hassan-rouhani", "Hassan Rouhani", ["Rouhani", "Rohani", "Hassan Rohani"], "IRN", "President", "President 2013-2021."),
    ("ebrahim-raisi", "Ebrahim Raisi", ["Raisi", "Raeisi", "Ebrahim Raeisi"], "IRN", "President", "President 2021-2024; died May 2024."),
    ("masoud-pezeshkian", "Masoud Pezeshkian", ["Pezeshkian"], "IRN", "President", "President since 2024."),
    ("mahmoud-ahmadinejad", "Mahmoud Ahmadinejad", ["Ahmadinejad"], "IRN", "President", "President 2005-2013."),
    ("mohammad-javad-zarif", "Mohammad Javad Zarif", ["Zarif", "Javad Zarif"], "IRN", "Foreign Minister", "Foreign Minister 2013-2021."),
    ("hossein-amir-abdollahian", "Hossein Amir-Abdollahian", ["Amir-Abdollahian", "Amirabdollahian", "Hossein Amirabdollahian"],
     "IRN", "Foreign Minister", "Foreign Minister 2021-2024; died May 2024."),
    ("abbas-araghchi", "Abbas Araghchi", ["Araghchi", "Araqchi", "Abbas Araqchi"], "IRN", "Foreign Minister",
     "Foreign Minister since 2024; earlier deputy foreign minister and nuclear negotiator."),
    ("ali-bagheri-kani", "Ali Bagheri Kani", ["Bagheri Kani"], "IRN", "Negotiator",
     "Deputy foreign minister and chief nuclear negotiator 2021-2024; acting Foreign Minister 2024."),
    ("mohammad-bagher-ghalibaf", "Mohammad Bagher Ghalibaf", ["Ghalibaf", "Qalibaf", "Mohammad Baqer Qalibaf"], "IRN", "Speaker",
     "Speaker of Parliament since 2020."),
    ("ali-larijani", "Ali Larijani", [], "IRN", "Speaker", "Speaker of Parliament 2008-2020."),
    ("esmaeil-baghaei", "Esmaeil Baghaei", ["Baghaei", "Baqaei", "Esmaeil Baqaei"], "IRN", "Spokesperson", "Foreign Ministry spokesman since 2024."),
    ("nasser-kanaani", "Nasser Kanaani", ["Kanaani", "Nasser Kanani"], "IRN", "Spokesperson", "Foreign Ministry spokesman before 2024."),
    ("qasem-soleimani", "Qasem Soleimani", ["Soleimani", "Qassem Soleimani", "Suleimani", "Qassem Suleimani"], "quds-force", "Commander",
     "Quds Force commander; killed January 2020."),
    ("esmail-qaani", "Esmail Qaani", ["Qaani", "Ghaani", "Esmail Ghaani"], "quds-force", "Commander", "Quds Force commander since 2020."),
    ("hossein-salami", "Hossein Salami", ["Salami"], "IRGC", "Commander", "IRGC commander-in-chief 2019-2025; killed June 2025."),
    ("mohammad-bagheri", "Mohammad Bagheri", [], "IRN", "Chief of Staff", "Chief of Staff of the Armed Forces 2016-2025; killed June 2025."),
    ("mohammad-eslami", "Mohammad Eslami", [], "AEOI", "Head", "Head of the Atomic Energy Organization of Iran since 2021."),
    ("ali-akbar-salehi", "Ali Akbar Salehi", [], "AEOI", "Head", "Head of the Atomic Energy Organization of Iran 2013-2021."),
    # United States
    ("donald-trump", "Donald Trump", ["Trump", "Donald J. Trump"], "USA", "President", "President 2017-2021 and since 2025."),
    ("joe-biden", "Joe Biden", ["Biden", "Joseph Biden", "Joseph R. Biden", "Joseph R. Biden Jr."], "USA", "President",
     "President 2021-2025; Vice President 2009-2017."),
    ("barack-obama", "Barack Obama", ["Obama"], "USA", "President", "President 2009-2017."),
    ("kamala-harris", "Kamala Harris", ["Harris"], "USA", "Vice President", "Vice President 2021-2025."),
    ("jd-vance", "JD Vance", ["Vance", "J.D. Vance"], "USA", "Vice President", "Vice President since 2025."),
    ("mike-pence", "Mike Pence", ["Pence"], "USA", "Vice President", "Vice President 2017-2021."),
    ("john-kerry", "John Kerry", ["Kerry"], "USA", "Secretary of State", "Secretary of State 2013-2017."),
    ("rex-tillerson", "Rex Tillerson", ["Tillerson"], "USA", "Secretary of State", "Secretary of State 2017-2018."),
    ("mike-pompeo", "Mike Pompeo", ["Pompeo", "Michael Pompeo"], "USA", "Secretary of State", "Secretary of State 2018-2021."),
    ("antony-blinken", "Antony Blinken", ["Blinken", "Tony Blinken"], "USA", "Secretary of State", "Secretary of State 2021-2025."),
    ("marco-rubio", "Marco Rubio", ["Rubio"], "USA", "Secretary of State", "Secretary of State since 2025."),
    ("jim-mattis", "Jim Mattis", ["Mattis", "James Mattis"], "USA", "Secretary of Defense", "Secretary of Defense 2017-2019."),
    ("lloyd-austin", "Lloyd Austin", ["Lloyd J. Austin"], "USA", "Secretary of Defense", "Secretary of Defense 2021-2025."),
    ("pete-hegseth", "Pete Hegseth", ["Hegseth"], "USA", "Secretary of Defense", "Secretary of Defense since 2025."),
    ("john-bolton", "John Bolton", ["Bolton"], "USA", "National Security Adviser", "National Security Adviser 2018-2019."),
    ("jake-sullivan", "Jake Sullivan", [], "USA", "National Security Adviser", "National Security Adviser 2021-2025."),
    ("mike-waltz", "Mike Waltz", ["Waltz"], "USA", "National Security Adviser", "National Security Adviser in 2025."),
    ("nikki-haley", "Nikki Haley", ["Haley"], "USA", "Ambassador", "Ambassador to the United Nations 2017-2018."),
    ("linda-thomas-greenfield", "Linda Thomas-Greenfield", ["Thomas-Greenfield"], "USA", "Ambassador",
     "Ambassador to the United Nations 2021-2025."),
    ("janet-yellen", "Janet Yellen", ["Yellen"], "USA", "Secretary of the Treasury", "Treasury Secretary 2021-2025."),
    ("scott-bessent", "Scott Bessent", ["Bessent"], "USA", "Secretary of the Treasury", "Treasury Secretary since 2025."),
    ("steve-witkoff", "Steve Witkoff", ["Witkoff", "Steven Witkoff"], "USA", "Special Envoy", "Special Envoy to the Middle East since 2025."),
    ("robert-malley", "Robert Malley", ["Rob Malley", "Malley"], "USA", "Special Envoy", "Special Envoy for Iran 2021-2023."),
    ("brian-hook", "Brian Hook", [], "USA", "Special Envoy", "Special Representative for Iran 2018-2020."),
    # Russia
    ("vladimir-putin", "Vladimir Putin", ["Putin"], "RUS", "President", "President 2000-2008 and since 2012; Prime Minister 2008-2012."),
    ("sergei-lavrov", "Sergei Lavrov", ["Lavrov", "Sergey Lavrov"], "RUS", "Foreign Minister", "Foreign Minister since 2004."),
    ("dmitry-medvedev", "Dmitry Medvedev", ["Medvedev", "Dmitri Medvedev"], "RUS", "Prime Minister",
     "President 2008-2012; Prime Minister 2012-2020; then deputy chairman of the Security Council."),
    ("mikhail-mishustin", "Mikhail Mishustin", ["Mishustin"], "RUS", "Prime Minister", "Prime Minister since 2020."),
    ("dmitry-peskov", "Dmitry Peskov", ["Peskov", "Dmitri Peskov"], "RUS", "Spokesperson", "Kremlin spokesman."),
    ("maria-zakharova", "Maria Zakharova", ["Zakharova"], "RUS", "Spokesperson", "Foreign Ministry spokeswoman since 2015."),
    ("sergei-shoigu", "Sergei Shoigu", ["Shoigu", "Sergey Shoigu"], "RUS", "Defence Minister",
     "Defence Minister 2012-2024; then Security Council secretary."),
    ("andrei-belousov", "Andrei Belousov", ["Belousov", "Andrey Belousov"], "RUS", "Defence Minister", "Defence Minister since 2024."),
    ("valery-gerasimov", "Valery Gerasimov", ["Gerasimov"], "RUS", "Chief of Staff", "Chief of the General Staff since 2012."),
    ("vasily-nebenzya", "Vasily Nebenzya", ["Nebenzya", "Nebenzia", "Vassily Nebenzia"], "RUS", "Ambassador",
     "Ambassador to the United Nations since 2017."),
    ("sergei-ryabkov", "Sergei Ryabkov", ["Ryabkov", "Sergey Ryabkov"], "RUS", "Deputy Foreign Minister", None),
    # China
    ("xi-jinping", "Xi Jinping", ["Xi"], "CHN", "President", "President since 2013; Communist Party general secretary since 2012."),
    ("li-keqiang", "Li Keqiang", [], "CHN", "Premier", "Premier 2013-2023; died 2023."),
    ("li-qiang", "Li Qiang", [], "CHN", "Premier", "Premier since 2023."),
    ("wang-yi", "Wang Yi", [], "CHN", "Foreign Minister", "Foreign Minister 2013-2022 and since 2023."),
    ("qin-gang", "Qin Gang", [], "CHN", "Foreign Minister", "Foreign Minister 2022-2023."),
    ("hua-chunying", "Hua Chunying", [], "CHN", "Spokesperson", "Foreign Ministry spokeswoman."),
    ("wang-wenbin", "Wang Wenbin", [], "CHN", "Spokesperson", "Foreign Ministry spokesman."),
    ("mao-ning", "Mao Ning", [], "CHN", "Spokesperson", "Foreign Ministry spokeswoman."),
    ("lin-jian", "Lin Jian", [], "CHN", "Spokesperson", "Foreign Ministry spokesman."),
    # Ukraine
    ("volodymyr-zelensky", "Volodymyr Zelensky", ["Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"],
     "UKR", "President", "President since 2019."),
    ("petro-poroshenko", "Petro Poroshenko", ["Poroshenko"], "UKR", "President", "President 2014-2019."),
    ("dmytro-kuleba", "Dmytro Kuleba", ["Kuleba"], "UKR", "Foreign Minister", "Foreign Minister 2020-2024."),
    ("andrii-sybiha", "Andrii Sybiha", ["Sybiha", "Andriy Sybiha"], "UKR", "Foreign Minister", "Foreign Minister since 2024."),
    ("denys-shmyhal", "Denys Shmyhal", ["Shmyhal"], "UKR", "Prime Minister", "Prime Minister 2020-2025."),
    # Turkey
    ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan",
     ["Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "Tayyip Erdogan", "Tayyip Erdoğan"], "TUR", "President",
     "President since 2014; Prime Minister 2003-2014."),
    ("mevlut-cavusoglu", "Mevlüt Çavuşoğlu", ["Cavusoglu", "Çavuşoğlu", "Mevlut Cavusoglu"], "TUR", "Foreign Minister",
     "Foreign Minister 2014-2023."),
    ("hakan-fidan", "Hakan Fidan", ["Fidan"], "TUR", "Foreign Minister", "Foreign Minister since 2023; intelligence chief before."),
    # France
    ("emmanuel-macron", "Emmanuel Macron", ["Macron"], "FRA", "President", "President since 2017."),
    ("francois-hollande", "François Hollande", ["Hollande", "Francois Hollande"], "FRA", "President", "President 2012-2017."),
    ("jean-yves-le-drian", "Jean-Yves Le Drian", ["Le Drian"], "FRA", "Foreign Minister",
     "Foreign Minister 2017-2022; Defence Minister 2012-2017."),
    ("catherine-colonna", "Catherine Colonna", ["Colonna"], "FRA", "Foreign Minister", "Foreign Minister 2022-2024."),
    ("stephane-sejourne", "Stéphane Séjourné", ["Séjourné", "Stephane Sejourne"], "FRA", "Foreign Minister", "Foreign Minister in 2024."),
    ("jean-noel-barrot", "Jean-Noël Barrot", ["Barrot", "Jean-Noel Barrot"], "FRA", "Foreign Minister", "Foreign Minister since 2024."),
    # Germany
    ("angela-merkel", "Angela Merkel", ["Merkel"], "DEU", "Chancellor", "Chancellor 2005-2021."),
    ("olaf-scholz", "Olaf Scholz", ["Scholz"], "DEU", "Chancellor", "Chancellor 2021-2025."),
    ("friedrich-merz", "Friedrich Merz", ["Merz"], "DEU", "Chancellor", "Chancellor since 2025."),
    ("frank-walter-steinmeier", "Frank-Walter Steinmeier", ["Steinmeier"], "DEU", "President",
     "President since 2017; Foreign Minister 2013-2017."),
    ("heiko-maas", "Heiko Maas", [], "DEU", "Foreign Minister", "Foreign Minister 2018-2021."),
    ("annalena-baerbock", "Annalena Baerbock", ["Baerbock"], "DEU", "Foreign Minister", "Foreign Minister 2021-2025."),
    ("johann-wadephul", "Johann Wadephul", ["Wadephul"], "DEU", "Foreign Minister", "Foreign Minister since 2025."),
    # United Kingdom
    ("theresa-may", "Theresa May", [], "GBR", "Prime Minister", "Prime Minister 2016-2019."),
    ("boris-johnson", "Boris Johnson", [], "GBR", "Prime Minister", "Prime Minister 2019-2022; Foreign Secretary 2016-2018."),
    ("liz-truss", "Liz Truss", ["Truss"], "GBR", "Prime Minister", "Prime Minister in 2022; Foreign Secretary 2021-2022."),
    ("rishi-sunak", "Rishi Sunak", ["Sunak"], "GBR", "Prime Minister", "Prime Minister 2022-2024."),
    ("keir-starmer", "Keir Starmer", ["Starmer", "Sir Keir Starmer"], "GBR", "Prime Minister", "Prime Minister since 2024."),
    ("david-cameron", "David Cameron", ["Lord Cameron"], "GBR", "Prime Minister",
     "Prime Minister 2010-2016; Foreign Secretary 2023-2024."),
    ("jeremy-hunt", "Jeremy Hunt", [], "GBR", "Foreign Secretary", "Foreign Secretary 2018-2019."),
    ("dominic-raab", "Dominic Raab", ["Raab"], "GBR", "Foreign Secretary", "Foreign Secretary 2019-2021."),
    ("james-cleverly", "James Cleverly", [], "GBR", "Foreign Secretary", "Foreign Secretary 2022-2023."),
    ("david-lammy", "David Lammy", ["Lammy"], "GBR", "Foreign Secretary", "Foreign Secretary 2024-2025."),
    ("yvette-cooper", "Yvette Cooper", [], "GBR", "Foreign Secretary", "Foreign Secretary since 2025."),
    ("king-charles-iii", "King Charles III", ["King Charles", "Charles III"], "GBR", "King", "King since 2022."),
    ("queen-elizabeth-ii", "Queen Elizabeth II", ["Queen Elizabeth", "Elizabeth II"], "GBR", "Queen", "Queen 1952-2022."),
    # Israel
    ("benjamin-netanyahu", "Benjamin Netanyahu", ["Netanyahu", "Bibi"], "ISR", "Prime Minister",
     "Prime Minister 1996-1999, 2009-2021 and since 2022."),
    ("naftali-bennett", "Naftali Bennett", [], "ISR", "Prime Minister", "Prime Minister 2021-2022."),
    ("yair-lapid", "Yair Lapid", ["Lapid"], "ISR", "Prime Minister", "Prime Minister in 2022; Foreign Minister 2021-2022."),
    ("isaac-herzog", "Isaac Herzog", ["Herzog"], "ISR", "President", "President since 2021."),
    ("yoav-gallant", "Yoav Gallant", [], "ISR", "Defence Minister", "Defence Minister 2022-2024."),
    ("israel-katz", "Israel Katz", [], "ISR", "Defence Minister", "Defence Minister since November 2024; earlier Foreign Minister."),
    ("gideon-saar", "Gideon Sa'ar", ["Gideon Saar"], "ISR", "Foreign Minister", "Foreign Minister since November 2024."),
    ("benny-gantz", "Benny Gantz", ["Gantz"], "ISR", "Defence Minister", "Defence Minister 2020-2022."),
    # South Asia
    ("narendra-modi", "Narendra Modi", ["Modi"], "IND", "Prime Minister", "Prime Minister since 2014."),
    ("subrahmanyam-jaishankar", "S. Jaishankar", ["Jaishankar", "Subrahmanyam Jaishankar"], "IND", "External Affairs Minister",
     "External Affairs Minister since 2019."),
    ("imran-khan", "Imran Khan", [], "PAK", "Prime Minister", "Prime Minister 2018-2022."),
    ("shehbaz-sharif", "Shehbaz Sharif", ["Shahbaz Sharif"], "PAK", "Prime Minister", "Prime Minister 2022-2023 and since 2024."),
    ("asim-munir", "Asim Munir", [], "PAK", "Army Chief", "Chief of Army Staff since 2022."),
    # Gulf and Middle East
    ("king-salman", "Salman bin Abdulaziz", ["King Salman"], "SAU", "King", "King since 2015."),
    ("mohammed-bin-salman", "Mohammed bin Salman", ["MBS", "Mohammad bin Salman", "Crown Prince Mohammed bin Salman"], "SAU",
     "Crown Prince", "Crown Prince since 2017; Prime Minister since 2022."),
    ("faisal-bin-farhan", "Faisal bin Farhan", ["Prince Faisal bin Farhan"], "SAU", "Foreign Minister", "Foreign Minister since 2019."),
    ("mohamed-bin-zayed", "Mohamed bin Zayed", ["Mohammed bin Zayed", "MBZ", "Sheikh Mohamed bin Zayed"], "ARE", "President",
     "President since 2022."),
    ("abdullah-bin-zayed", "Abdullah bin Zayed", ["Sheikh Abdullah bin Zayed"], "ARE", "Foreign Minister", "Foreign Minister since 2006."),
    ("tamim-bin-hamad-al-thani", "Tamim bin Hamad Al Thani", ["Sheikh Tamim", "Tamim bin Hamad", "Emir Tamim"], "QAT", "Emir",
     "Emir since 2013."),
    ("mohammed-bin-abdulrahman-al-thani", "Mohammed bin Abdulrahman Al Thani",
     ["Sheikh Mohammed bin Abdulrahman", "Mohammed bin Abdulrahman"], "QAT", "Prime Minister",
     "Foreign Minister since 2016; Prime Minister since 2023."),
    ("haitham-bin-tariq", "Haitham bin Tariq", ["Sultan Haitham", "Haitham bin Tarik"], "OMN", "Sultan", "Sultan since 2020."),
    ("badr-albusaidi", "Badr Albusaidi", ["Albusaidi", "Badr al-Busaidi"], "OMN", "Foreign Minister", "Foreign Minister since 2020."),
    ("abdel-fattah-el-sisi", "Abdel Fattah el-Sisi", ["Sisi", "el-Sisi", "al-Sisi", "Abdel Fattah al-Sisi", "Sissi"], "EGY", "President",
     "President since 2014."),
    ("sameh-shoukry", "Sameh Shoukry", ["Shoukry"], "EGY", "Foreign Minister", "Foreign Minister 2014-2024."),
    ("badr-abdelatty", "Badr Abdelatty", ["Abdelatty"], "EGY", "Foreign Minister", "Foreign Minister since 2024."),
    ("king-abdullah-ii", "King Abdullah II", ["Abdullah II", "King Abdullah"], "JOR", "King", "King since 1999."),
    ("ayman-safadi", "Ayman Safadi", ["Safadi"], "JOR", "Foreign Minister", "Foreign Minister since 2017."),
    ("mohammed-shia-al-sudani", "Mohammed Shia al-Sudani", ["al-Sudani", "Sudani"], "IRQ", "Prime Minister", "Prime Minister since 2022."),
    ("bashar-al-assad", "Bashar al-Assad", ["Assad", "al-Assad", "Bashar Assad"], "SYR", "President",
     "President 2000-2024; fled to Russia December 2024."),
    ("ahmed-al-sharaa", "Ahmed al-Sharaa", ["al-Sharaa", "Sharaa", "Abu Mohammed al-Jolani", "Abu Mohammed al-Julani", "al-Jolani", "Jolani"],
     "SYR", "President", "HTS leader; transitional President since 2025."),
    ("asaad-al-shaibani", "Asaad al-Shaibani", ["al-Shaibani", "Shaibani"], "SYR", "Foreign Minister", "Foreign Minister since December 2024."),
    ("joseph-aoun", "Joseph Aoun", [], "LBN", "President", "President since January 2025; army commander before."),
    ("nawaf-salam", "Nawaf Salam", [], "LBN", "Prime Minister", "Prime Minister since 2025."),
    ("najib-mikati", "Najib Mikati", ["Mikati"], "LBN", "Prime Minister", "Prime Minister 2021-2025, also earlier terms."),
    ("hassan-nasrallah", "Hassan Nasrallah", ["Nasrallah", "Sayyed Hassan Nasrallah"], "hezbollah", "Secretary-General",
     "Hezbollah secretary-general 1992-2024; killed September 2024."),
    ("naim-qassem", "Naim Qassem", ["Sheikh Naim Qassem"], "hezbollah", "Secretary-General", "Hezbollah secretary-general since October 2024."),
    ("ismail-haniyeh", "Ismail Haniyeh", ["Haniyeh", "Ismail Haniya"], "hamas", "Leader",
     "Head of Hamas's political bureau 2017-2024; killed in Tehran July 2024."),
    ("yahya-sinwar", "Yahya Sinwar", [], "hamas", "Leader", "Hamas leader in Gaza from 2017, overall leader from August 2024; killed October 2024."),
    ("abdul-malik-al-houthi", "Abdul-Malik al-Houthi", ["Abdulmalik al-Houthi", "Abdul Malik al-Houthi"], "houthis", "Leader", None),
    ("hibatullah-akhundzada", "Hibatullah Akhundzada", ["Akhundzada", "Haibatullah Akhundzada"], "taliban", "Supreme Leader",
     "Taliban supreme leader since 2016."),
    # East Asia
    ("kim-jong-un", "Kim Jong Un", ["Kim Jong-un"], "PRK", "Leader", "Leader of North Korea since 2011."),
    ("moon-jae-in", "Moon Jae-in", [], "KOR", "President", "President 2017-2022."),
    ("yoon-suk-yeol", "Yoon Suk Yeol", ["Yoon Suk-yeol", "Yoon"], "KOR", "President", "President 2022-2025; removed from office April 2025."),
    ("lee-jae-myung", "Lee Jae-myung", ["Lee Jae Myung"], "KOR", "President", "President since June 2025."),
    ("shinzo-abe", "Shinzo Abe", ["Abe"], "JPN", "Prime Minister", "Prime Minister 2006-2007 and 2012-2020; killed 2022."),
    ("yoshihide-suga", "Yoshihide Suga", ["Suga"], "JPN", "Prime Minister", "Prime Minister 2020-2021."),
    ("fumio-kishida", "Fumio Kishida", ["Kishida"], "JPN", "Prime Minister", "Prime Minister 2021-2024."),
    ("shigeru-ishiba", "Shigeru Ishiba", ["Ishiba"], "JPN", "Prime Minister", "Prime Minister 2024-2025."),
    ("sanae-takaichi", "Sanae Takaichi", ["Takaichi"], "JPN", "Prime Minister", "Prime Minister since October 2025."),
    # Americas
    ("lula-da-silva", "Luiz Inácio Lula da Silva", ["Lula", "Lula da Silva", "Luiz Inacio Lula da Silva"], "BRA", "President",
     "President 2003-2010 and since 2023."),
    ("jair-bolsonaro", "Jair Bolsonaro", ["Bolsonaro"], "BRA", "President", "President 2019-2022."),
    ("nicolas-maduro", "Nicolás Maduro", ["Maduro", "Nicolas Maduro"], "VEN", "President", "President from 2013."),
    ("javier-milei", "Javier Milei", ["Milei"], "ARG", "President", "President since December 2023."),
    ("andres-manuel-lopez-obrador", "Andrés Manuel López Obrador", ["López Obrador", "Lopez Obrador", "AMLO"], "MEX", "President",
     "President 2018-2024."),
    ("claudia-sheinbaum", "Claudia Sheinbaum", ["Sheinbaum"], "MEX", "President", "President since October 2024."),
    ("justin-trudeau", "Justin Trudeau", ["Trudeau"], "CAN", "Prime Minister", "Prime Minister 2015-2025."),
    ("mark-carney", "Mark Carney", ["Carney"], "CAN", "Prime Minister", "Prime Minister since March 2025."),
    # Europe
    ("giorgia-meloni", "Giorgia Meloni", ["Meloni"], "ITA", "Prime Minister", "Prime Minister since 2022."),
    ("mario-draghi", "Mario Draghi", ["Draghi"], "ITA", "Prime Minister", "Prime Minister 2021-2022; ECB President 2011-2019."),
    ("pedro-sanchez", "Pedro Sánchez", ["Pedro Sanchez"], "ESP", "Prime Minister", "Prime Minister since 2018."),
    ("donald-tusk", "Donald Tusk", ["Tusk"], "POL", "Prime Minister",
     "Prime Minister 2007-2014 and since 2023; European Council President 2014-2019."),
    ("andrzej-duda", "Andrzej Duda", ["Duda"], "POL", "President", "President 2015-2025."),
    ("karol-nawrocki", "Karol Nawrocki", ["Nawrocki"], "POL", "President", "President since August 2025."),
    ("viktor-orban", "Viktor Orbán", ["Orban", "Orbán", "Viktor Orban"], "HUN", "Prime Minister", "Prime Minister 1998-2002 and from 2010."),
    ("alexander-lukashenko", "Alexander Lukashenko", ["Lukashenko", "Lukashenka", "Alyaksandr Lukashenka"], "BLR", "President",
     "President since 1994."),
    ("ilham-aliyev", "Ilham Aliyev", ["Aliyev"], "AZE", "President", "President since 2003."),
    ("nikol-pashinyan", "Nikol Pashinyan", ["Pashinyan"], "ARM", "Prime Minister", "Prime Minister since 2018."),
    ("pope-francis", "Pope Francis", ["Jorge Mario Bergoglio"], "VAT", "Pope", "Pope 2013-2025; died April 2025."),
    ("pope-leo-xiv", "Pope Leo XIV", ["Leo XIV", "Robert Prevost", "Robert Francis Prevost"], "VAT", "Pope", "Pope since May 2025."),
    # EU institutions
    ("ursula-von-der-leyen", "Ursula von der Leyen", ["von der Leyen", "Von der Leyen"], "european-commission", "President",
     "European Commission President since 2019."),
    ("jean-claude-juncker", "Jean-Claude Juncker", ["Juncker"], "european-commission", "President",
     "European Commission President 2014-2019."),
    ("federica-mogherini", "Federica Mogherini", ["Mogherini"], "EU", "High Representative", "EU High Representative 2014-2019."),
    ("josep-borrell", "Josep Borrell", ["Borrell"], "EU", "High Representative", "EU High Representative 2019-2024."),
    ("kaja-kallas", "Kaja Kallas", ["Kallas"], "EU", "High Representative",
     "EU High Representative since December 2024; Prime Minister of Estonia 2021-2024."),
    ("charles-michel", "Charles Michel", [], "european-council", "President", "European Council President 2019-2024."),
    ("antonio-costa", "António Costa", ["Antonio Costa"], "european-council", "President",
     "European Council President since December 2024; Prime Minister of Portugal 2015-2024."),
    ("roberta-metsola", "Roberta Metsola", ["Metsola"], "european-parliament", "President", "European Parliament President since 2022."),
    ("enrique-mora", "Enrique Mora", [], "EU", "Negotiator", "EEAS deputy secretary-general; coordinator of the Iran nuclear talks."),
    # International organisations
    ("antonio-guterres", "António Guterres", ["Guterres", "Antonio Guterres"], "UN", "Secretary-General", "UN Secretary-General since 2017."),
    ("ban-ki-moon", "Ban Ki-moon", [], "UN", "Secretary-General", "UN Secretary-General 2007-2016."),
    ("rafael-grossi", "Rafael Grossi", ["Grossi", "Rafael Mariano Grossi"], "IAEA", "Director General", "IAEA Director General since 2019."),
    ("yukiya-amano", "Yukiya Amano", ["Amano"], "IAEA", "Director General", "IAEA Director General 2009-2019; died 2019."),
    ("jens-stoltenberg", "Jens Stoltenberg", ["Stoltenberg"], "NATO", "Secretary-General", "NATO Secretary General 2014-2024."),
    ("mark-rutte", "Mark Rutte", ["Rutte"], "NATO", "Secretary-General",
     "NATO Secretary General since October 2024; Prime Minister of the Netherlands 2010-2024."),
    ("tedros-adhanom-ghebreyesus", "Tedros Adhanom Ghebreyesus", ["Tedros", "Tedros Adhanom"], "WHO", "Director General",
     "WHO Director-General since 2017."),
    ("kristalina-georgieva", "Kristalina Georgieva", ["Georgieva"], "IMF", "Managing Director", "IMF Managing Director since 2019."),
    # Africa
    ("assimi-goita", "Assimi Goïta", ["Goïta", "Goita", "Assimi Goita"], "MLI", "President", "Transitional President since 2021."),
    ("ibrahim-traore", "Ibrahim Traoré", ["Ibrahim Traore"], "BFA", "President", "Transitional President since 2022."),
    ("abdourahamane-tchiani", "Abdourahamane Tchiani", ["Tchiani", "Tiani", "Abdourahamane Tiani"], "NER", "President",
     "Head of the military government since the July 2023 coup."),
    ("mohamed-bazoum", "Mohamed Bazoum", ["Bazoum"], "NER", "President", "President 2021-2023; deposed in the July 2023 coup."),
    ("bola-tinubu", "Bola Tinubu", ["Tinubu", "Bola Ahmed Tinubu"], "NGA", "President", "President since 2023."),
    ("muhammadu-buhari", "Muhammadu Buhari", ["Buhari"], "NGA", "President", "President 2015-2023."),
    ("cyril-ramaphosa", "Cyril Ramaphosa", ["Ramaphosa"], "ZAF", "President", "President since 2018."),
    ("abiy-ahmed", "Abiy Ahmed", ["Abiy", "Abiy Ahmed Ali"], "ETH", "Prime Minister", "Prime Minister since 2018."),
    ("william-ruto", "William Ruto", ["Ruto"], "KEN", "President", "President since 2022."),
    ("felix-tshisekedi", "Félix Tshisekedi", ["Tshisekedi", "Felix Tshisekedi"], "COD", "President", "President since 2019."),
    ("paul-kagame", "Paul Kagame", ["Kagame"], "RWA", "President", "President since 2000."),
    ("abdel-fattah-al-burhan", "Abdel Fattah al-Burhan", ["al-Burhan", "Burhan", "Abdel-Fattah Burhan"], "SDN", "Army Chief",
     "Army chief and head of the Sovereignty Council."),
    ("mohamed-hamdan-dagalo", "Mohamed Hamdan Dagalo", ["Hemedti", "Dagalo"], "RSF", "Commander", "Commander of the Rapid Support Forces."),
    ("mahamat-idriss-deby", "Mahamat Idriss Déby", ["Mahamat Déby", "Mahamat Deby", "Mahamat Idriss Deby"], "TCD", "President",
     "President since 2021."),
    ("alassane-ouattara", "Alassane Ouattara", ["Ouattara"], "CIV", "President", "President of Côte d'Ivoire since 2010-2011."),
    ("macky-sall", "Macky Sall", [], "SEN", "President", "President 2012-2024."),
    ("bassirou-diomaye-faye", "Bassirou Diomaye Faye", ["Diomaye Faye"], "SEN", "President", "President since 2024."),
    ("abdelmadjid-tebboune", "Abdelmadjid Tebboune", ["Tebboune"], "DZA", "President", "President since 2019."),
    ("kais-saied", "Kais Saied", ["Saied", "Kaïs Saïed"], "TUN", "President", "President since 2019."),
]

# ---------------------------------------------------------------------------

ABOUT = (
    "Parley's built-in actor dictionary, generated by data/tools/build_actors.py from Debian iso-codes "
    "(ISO 3166-1) and WordNet 3.0 pertainyms plus hand-written tables; do not edit by hand, edit the script "
    "and re-run it. Like a TABARI/PETRARCH actor dictionary, each actor has a code and the text patterns "
    "that name it. actors[]: id (countries: ISO alpha-3; organisations and groups: upper-case acronym or "
    "lower-case slug, national bodies 'USA-state-department'; people: slug 'ali-khamenei'), name (canonical "
    "news name, itself a pattern), kind (country | organization | group | person), aliases (other names), "
    "codes (ISO 3166-1 alpha-2 and alpha-3 of a country: identifiers, not text patterns; the safe ones such "
    "as 'US' are repeated in aliases), demonyms (adjectives: 'Iranian'), plural_demonyms (people: "
    "'Iranians'), capitals (capital or seat-of-government names used as metonyms: 'Tehran said'), metonyms "
    "(other seat names: 'Kremlin', 'White House'), country (id of the country or organisation an "
    "organisation, group or person belongs to), part_of (a territory's sovereign state, or an organ's parent "
    "organisation), role (a person's role, a name from roles[]), cameo (CAMEO actor code: a country's "
    "alpha-3, IGO codes such as IGOUNO, country+agent for people and national bodies such as IRNGOV; null "
    "when unknown), note (terms of office and caveats), terms (people only, where the note states them: "
    "[{role, from, to}] with years, 'to' left out while in office; the article's date picks the term in "
    "force). roles[]: name, variants (text forms incl. "
    "abbreviations such as 'Gen.', 'PM'), kind (title: written before a name, 'President X'; office: a "
    "position; body: an institution), agent (CAMEO agent code such as GOV, MIL, LEG; null when it depends "
    "on the organisation). ambiguous[]: strings that can name several actors, the default actor that "
    "carries the pattern (null: no actor carries it) and a note. Matching rules: patterns are matched "
    "case-sensitively, as whole tokens, longest match first ('American Samoa' before 'American'); "
    "leading articles are not part of patterns ('White House', not 'the White House'); apostrophes are "
    "ASCII, so normalise U+2019 to \"'\" before matching. Short upper-case strings that are English words "
    "(IT, IN, AS, NO, ME, OR, AM, ...) never appear as patterns."
)


def die(msg):
    print("build_actors: error: " + msg, file=sys.stderr)
    sys.exit(1)


def uniq(seq):
    seen = set()
    out = []
    for s in seq:
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


# ---------------------------------------------------------------------------
# WordNet
# ---------------------------------------------------------------------------

def parse_wordnet_data(path):
    """Parse a WordNet data.* file: offset -> dict(lex, words, ptrs, gloss)."""
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):       # licence header
                continue
            head, _, gloss = line.partition(" | ")
            data = head.split()
            n = int(data[3], 16)
            words = [data[4 + 2 * i] for i in range(n)]
            i = 4 + 2 * n
            pcnt = int(data[i])
            i += 1
            ptrs = []
            for _ in range(pcnt):
                ptrs.append((data[i], data[i + 1], data[i + 2], data[i + 3]))
                i += 4
            synsets[data[0]] = {"lex": int(data[1]), "words": words, "ptrs": ptrs, "gloss": gloss.strip()}
    return synsets


def clean_lemma(w):
    w = re.sub(r"\([a-z]+\)$", "", w)   # adjective position markers: (a) (p) (ip)
    return w.replace("_", " ")


def wordnet_demonyms(wndir, name_lookup):
    """Return ({alpha3: [adjective, ...]}, log) from WordNet pertainyms.

    An adjective synset in data.adj with a pertainym pointer (backslash) to a
    noun synset in noun.location (lexfile 15) or noun.object (17) whose pertained
    word -- or, for a synset-wide pointer, any word -- is a known country name.
    U.S. states and former colonies sharing a country's name are excluded.
    """
    adj = parse_wordnet_data(os.path.join(wndir, "data.adj"))
    noun = parse_wordnet_data(os.path.join(wndir, "data.noun"))
    american_state = None
    for off, s in noun.items():
        if s["words"] == ["American_state"]:
            american_state = off
            break
    memo = {}

    def under_us_state(off, depth=0):
        if off in memo:
            return memo[off]
        memo[off] = False
        r = False
        for p, t, pos, _ in noun[off]["ptrs"]:
            if p in ("@", "@i") and pos == "n":
                if t == american_state or (depth < 15 and under_us_state(t, depth + 1)):
                    r = True
                    break
        memo[off] = r
        return r

    result = collections.OrderedDict()
    log = {"dropped": [], "fixed": [], "unmapped": []}
    for off in sorted(adj):
        s = adj[off]
        for p, target, pos, st in s["ptrs"]:
            if p != "\\" or pos != "n":
                continue
            tn = noun[target]
            if tn["lex"] not in (15, 17):
                continue
            if american_state and under_us_state(target):
                continue
            if tn["gloss"].startswith("one of the British colonies"):
                continue
            src, dst = int(st[:2], 16), int(st[2:], 16)
            adjs = [s["words"][src - 1]] if src else s["words"]
            nouns = [tn["words"][dst - 1]] if dst else tn["words"]
            code = None
            for nw in nouns:
                code = name_lookup.get(clean_lemma(nw))
                if code:
                    break
            for aw in adjs:
                a = clean_lemma(aw)
                if not a[:1].isupper() or a.startswith(("anti-", "pro-")):
                    continue
                if a in WORDNET_DROP:
                    log["dropped"].append(a)
                    continue
                if a in WORDNET_FIX:
                    if code != WORDNET_FIX[a]:
                        log["fixed"].append("%s: %s -> %s" % (a, code, WORDNET_FIX[a]))
                    code_a = WORDNET_FIX[a]
                else:
                    code_a = code
                if not code_a:
                    log["unmapped"].append("%s -> %s" % (a, clean_lemma(nouns[0])))
                    continue
                lst = result.setdefault(code_a, [])
                if a not in lst:
                    lst.append(a)
    for k in log:
        log[k] = sorted(set(log[k]))
    return result, log


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------

def uninvert(iso_name):
    """'Iran, Islamic Republic of' -> 'Islamic Republic of Iran'."""
    m = re.match(r"^(.+), (.+\bof(?: the)?)$", iso_name)
    if not m:
        return iso_name
    out = m.group(2) + " " + m.group(1)
    return re.sub(r"^The ", "", out)


def strip_article(s):
    return re.sub(r"^the ", "", s)


def plural_of(adj):
    if adj in PLURAL_OVERRIDES:
        return list(PLURAL_OVERRIDES[adj])
    if re.search(r"(ese|ss|ish|ch|sh|x|ois|ic|z)$", adj):
        return []
    return [adj + "s"]


def blank_actor(aid, name, kind):
    return collections.OrderedDict([
        ("id", aid), ("name", name), ("kind", kind), ("aliases", []), ("codes", []),
        ("demonyms", []), ("plural_demonyms", []), ("capitals", []), ("metonyms", []),
        ("country", None), ("part_of", None), ("role", None), ("cameo", None), ("note", None),
    ])


def build_countries(iso_entries, wndir, stats):
    # name lookup for mapping WordNet nouns to codes
    names = {}
    plan = []
    for e in iso_entries:
        a3 = e["alpha_3"]
        name = NAME_OVERRIDES.get(a3) or e.get("common_name") or e["name"]
        aliases = []
        for n in (e.get("common_name"), e["name"], e.get("official_name")):
            if not n or n in ISO_NAMES_SKIPPED:
                continue
            n = strip_article(uninvert(n))
            m = re.match(r"^(.*) \((.*)\)$", n)          # 'Holy See (Vatican City State)'
            if m and "part" not in m.group(2):
                aliases += [m.group(1), m.group(2)]
            elif m:
                aliases.append(m.group(1))                # 'Saint Martin (French part)'
            else:
                aliases.append(n)
        aliases += EXTRA_ALIASES.get(a3, [])
        aliases = [x for x in uniq(aliases) if x != name]
        plan.append((e, a3, name, aliases))
        for n in [name] + aliases:
            names.setdefault(n, a3)
    for n, a3 in WORDNET_PLACE_NAMES.items():
        names.setdefault(n, a3)
    wn, wnlog = wordnet_demonyms(wndir, names)
    stats["wordnet_log"] = wnlog

    actors = []
    for e, a3, name, aliases in plan:
        a = blank_actor(a3, name, "country")
        a["aliases"] = aliases
        a["codes"] = [e["alpha_2"], a3]
        from_wn = list(wn.get(a3, []))
        supp = [d for d in DEMONYM_SUPPLEMENT.get(a3, []) if d not in from_wn]
        stats["demonyms_wordnet"] += len(from_wn)
        stats["demonyms_supplement"] += len(supp)
        stats["demonym_sources"][a3] = {"wordnet": from_wn, "supplement": supp}
        a["demonyms"] = uniq(from_wn + supp)
        plurals = []
        for d in a["demonyms"]:
            plurals += plural_of(d)
        plurals += PLURAL_EXTRA.get(a3, [])
        a["plural_demonyms"] = [p for p in uniq(plurals) if p not in a["demonyms"]]
        if a3 not in CAPITALS:
            die("no CAPITALS entry for %s" % a3)
        a["capitals"] = list(CAPITALS[a3])
        a["metonyms"] = list(METONYMS.get(a3, []))
        a["part_of"] = TERRITORY_OF.get(a3)
        a["cameo"] = a3
        notes = []
        if a3 in CAPITALS_NOTES:
            notes.append(CAPITALS_NOTES[a3])
        if a3 == "TUR":
            notes.append("ISO 3166-1 name is Türkiye; news mostly writes Turkey.")
        if a3 == "TWN":
            notes.append("ISO 3166-1 name 'Taiwan, Province of China' is not used as a pattern.")
        a["note"] = " ".join(notes) or None
        actors.append(a)
    extra = set(CAPITALS) - {e["alpha_3"] for e in iso_entries}
    if extra:
        die("CAPITALS has codes not in ISO 3166-1: %s" % sorted(extra))
    return actors


def build_orgs():
    actors = []
    for aid, name, kind, aliases, country, cameo, part_of, metonyms, note in ORGS:
        a = blank_actor(aid, name, kind)
        a["aliases"] = [x for x in uniq(aliases) if x != name]
        a["metonyms"] = list(metonyms)
        a["country"] = country
        a["part_of"] = part_of
        a["cameo"] = cameo
        a["note"] = note
        actors.append(a)
    return actors


def build_roles():
    out = []
    for name, kind, agent, variants in ROLES:
        out.append(collections.OrderedDict([
            ("name", name), ("variants", uniq(variants)), ("kind", kind), ("agent", agent)]))
    return out


MONTHS = {m: "%02d" % (i + 1) for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"])}
WHEN = r"(?:(?:%s) )?\d{4}" % "|".join(MONTHS)
PERIOD = r"(?:%s-%s|(?:since|from|in) %s)" % (WHEN, WHEN, WHEN)
PERIODS = re.compile(r"^(.*?) (%s(?:(?:,| and) %s)*)$" % (PERIOD, PERIOD))


def when(text, last):
    """"2013" or "November 2024" as "2013" / "2024-11"."""
    parts = text.split()
    return parts[-1] + ("-" + MONTHS[parts[0]] if len(parts) == 2 else "")


def terms_from_note(note, role, roles):
    """The terms of office a note states ("President 2013-2021; Vice President 2009-2017",
    "Foreign Minister since November 2024", "Prime Minister 1996-1999, 2009-2021 and since
    2022"): a list of {role, from, to} with a year or year-month ("to" left out while in
    office). A segment whose words before the dates are not a role's variant (or end in a
    variant of the person's own role: "Foreign Ministry spokesman") is left out."""
    by_variant = {}
    for r in roles:
        for v in r["variants"] + [r["name"]]:
            by_variant.setdefault(v.lower(), r["name"])
    own = [v.lower() for r in roles if r["name"] == role for v in r["variants"] + [r["name"]]]
    terms = []
    for seg in (note or "").split(";"):
        m = PERIODS.match(seg.strip().rstrip("."))
        if not m:
            continue
        text = m.group(1).strip().lower()
        name = by_variant.get(text)
        if name is None and any(text.endswith(" " + v) for v in own):
            name = role
        if name is None:
            continue
        for part in re.findall(PERIOD, m.group(2)):
            term = collections.OrderedDict([("role", name)])
            words = part.split(" ", 1)
            if words[0] in ("since", "from"):
                term["from"] = when(words[1], False)
            elif words[0] == "in":
                term["from"] = term["to"] = when(words[1], False)
            else:
                a, b = re.match(r"^(%s)-(%s)$" % (WHEN, WHEN), part).groups()
                term["from"], term["to"] = when(a, False), when(b, True)
            terms.append(term)
    return terms


def build_persons(by_id, roles):
    role_agent = {r["name"]: r["agent"] for r in roles}
    actors = []
    for pid, name, aliases, country, role, note in PERSONS:
        if role not in role_agent:
            die("person %s: unknown role %r" % (pid, role))
        if country not in by_id:
            die("person %s: unknown country/organisation %r" % (pid, country))
        a = blank_actor(pid, name, "person")
        a["aliases"] = [x for x in uniq(aliases) if x != name]
        a["country"] = country
        a["role"] = role
        owner = by_id[country]
        if owner["kind"] == "country":
            a["cameo"] = country + (role_agent[role] or "GOV")
        else:
            a["cameo"] = owner["cameo"]
        a["note"] = note
        terms = terms_from_note(note, role, roles)
        if terms:
            a["terms"] = terms
        actors.append(a)
    return actors


# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------

PATTERN_FIELDS = ("name", "aliases", "demonyms", "plural_demonyms", "capitals", "metonyms")


def patterns_of(a):
    yield a["name"]
    for f in PATTERN_FIELDS[1:]:
        for s in a[f]:
            yield s


def check(doc, iso_entries):
    problems = []
    actors = doc["actors"]
    by_id = {}
    for a in actors:
        if a["id"] in by_id:
            problems.append("duplicate id %s" % a["id"])
        by_id[a["id"]] = a
    # every ISO entry
    for e in iso_entries:
        if e["alpha_3"] not in by_id:
            problems.append("ISO entry %s missing" % e["alpha_3"])
    # references
    for a in actors:
        for f in ("country", "part_of"):
            if a[f] is not None and a[f] not in by_id:
                problems.append("%s: %s %r is not an actor id" % (a["id"], f, a[f]))
    # required content
    required = {
        "IRN": {"name": "Iran", "demonyms": ["Iranian"], "capitals": ["Tehran"], "plural_demonyms": ["Iranians"]},
        "USA": {"demonyms": ["American"], "capitals": ["Washington"], "aliases": ["U.S.", "US", "United States"],
                "metonyms": ["White House"]},
        "RUS": {"name": "Russia", "capitals": ["Moscow"], "metonyms": ["Kremlin"], "demonyms": ["Russian"]},
        "CHN": {"capitals": ["Beijing"], "demonyms": ["Chinese"]},
        "UKR": {"capitals": ["Kyiv", "Kiev"]},
        "MLI": {"capitals": ["Bamako"], "demonyms": ["Malian"]},
        "GBR": {"aliases": ["UK", "U.K.", "Britain", "Great Britain"], "demonyms": ["British"], "metonyms": ["Downing Street"]},
        "FRA": {"demonyms": ["French"]},
        "TUR": {"name": "Turkey", "aliases": ["Türkiye"]},
        "PRK": {"name": "North Korea", "aliases": ["DPRK"]},
        "KOR": {"name": "South Korea", "aliases": ["ROK"]},
        "ARE": {"aliases": ["UAE"]},
        "COD": {"aliases": ["DRC", "DR Congo"]},
        "EU": {"metonyms": ["Brussels"]},
    }
    for aid, want in required.items():
        a = by_id.get(aid)
        if not a:
            problems.append("required actor %s missing" % aid)
            continue
        for f, v in want.items():
            if isinstance(v, str):
                if a[f] != v:
                    problems.append("%s: %s is %r, want %r" % (aid, f, a[f], v))
            else:
                for x in v:
                    if x not in a[f] and x != a["name"]:
                        problems.append("%s: %s lacks %r" % (aid, f, x))
    news_names = ["Iran", "Russia", "Syria", "Venezuela", "Bolivia", "Tanzania", "Vietnam", "South Korea",
                  "North Korea", "Laos", "Moldova", "Taiwan", "Czech Republic", "Turkey", "Ivory Coast", "Palestine"]
    canon = {a["name"] for a in actors if a["kind"] == "country"}
    for n in news_names:
        if n not in canon:
            problems.append("news name %r is not a canonical country name" % n)
    # forbidden patterns
    for a in actors:
        for p in patterns_of(a):
            if p in FORBIDDEN_PATTERNS:
                problems.append("%s: forbidden pattern %r" % (a["id"], p))
            if len(p) < 2:
                problems.append("%s: pattern too short %r" % (a["id"], p))
            if p != p.strip() or "  " in p:
                problems.append("%s: bad whitespace in %r" % (a["id"], p))
    # roles
    seen_variant = {}
    for r in doc["roles"]:
        for v in r["variants"]:
            if v in seen_variant and seen_variant[v] != r["name"]:
                problems.append("role variant %r in both %s and %s" % (v, seen_variant[v], r["name"]))
            seen_variant[v] = r["name"]
    # collisions: a pattern naming two actors
    owners = collections.defaultdict(set)
    for a in actors:
        for p in patterns_of(a):
            owners[p].add(a["id"])
    collisions = {p: sorted(ids) for p, ids in owners.items() if len(ids) > 1}
    for p, ids in sorted(collisions.items()):
        problems.append("pattern %r names %s" % (p, ", ".join(ids)))
    # case-insensitive near-collisions (warnings only)
    folded = collections.defaultdict(set)
    for p, ids in owners.items():
        folded[p.casefold().replace(".", "")].update(ids)
    warnings = ["patterns differing only in case/dots name %s: %s" % (", ".join(sorted(ids)), k)
                for k, ids in sorted(folded.items()) if len(ids) > 1]
    # ambiguous entries
    for amb in doc["ambiguous"]:
        for c in amb["candidates"]:
            if c not in by_id:
                problems.append("ambiguous %r: unknown candidate %s" % (amb["text"], c))
        d = amb["default"]
        if d is None:
            if amb["text"] in owners:
                problems.append("ambiguous %r has no default but is a pattern of %s" % (amb["text"], sorted(owners[amb["text"]])))
        elif amb["text"] not in owners or owners[amb["text"]] != {d}:
            problems.append("ambiguous %r: default %s does not carry the pattern (owners %s)"
                            % (amb["text"], d, sorted(owners.get(amb["text"], []))))
    # role names used by persons
    role_names = {r["name"] for r in doc["roles"]}
    for a in actors:
        if a["kind"] == "person" and a["role"] not in role_names:
            problems.append("%s: unknown role" % a["id"])
    return problems, warnings


# ---------------------------------------------------------------------------

def write_json(doc, path):
    """One actor / role per line: valid JSON, greppable, small diffs."""
    lines = ["{"]
    lines.append('"about": %s,' % json.dumps(doc["about"], ensure_ascii=False))
    lines.append('"sources": %s,' % json.dumps(doc["sources"], ensure_ascii=False))
    for key in ("actors", "roles", "ambiguous"):
        lines.append('"%s": [' % key)
        items = doc[key]
        for i, it in enumerate(items):
            lines.append(json.dumps(it, ensure_ascii=False) + ("," if i + 1 < len(items) else ""))
        lines.append("]" + ("," if key != "ambiguous" else ""))
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)   # must parse
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", default=DEFAULT_ISO, help="iso_3166-1.json (default: %(default)s)")
    ap.add_argument("--wordnet", default=DEFAULT_WORDNET, help="WordNet dict directory (default: %(default)s)")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output file (default: %(default)s)")
    ap.add_argument("--verbose", action="store_true", help="print per-country demonym sources and WordNet log")
    args = ap.parse_args()

    for p in (args.iso, os.path.join(args.wordnet, "data.adj"), os.path.join(args.wordnet, "data.noun")):
        if not os.path.exists(p):
            die("%s not found (install Debian packages iso-codes and wordnet-base)" % p)
    with open(args.iso, encoding="utf-8") as f:
        iso_entries = json.load(f)["3166-1"]

    stats = {"demonyms_wordnet": 0, "demonyms_supplement": 0, "demonym_sources": {}}
    countries = build_countries(iso_entries, args.wordnet, stats)
    countries.sort(key=lambda a: a["id"])
    orgs = build_orgs()
    roles = build_roles()
    by_id = {a["id"]: a for a in countries + orgs}
    persons = build_persons(by_id, roles)
    ambiguous = [collections.OrderedDict([("text", x["text"]), ("candidates", x["candidates"]),
                                          ("default", x["default"]), ("note", x["note"])]) for x in AMBIGUOUS]
    doc = collections.OrderedDict([
        ("about", ABOUT),
        ("sources", collections.OrderedDict([
            ("iso_3166_1", "Debian iso-codes, %s (%d entries)" % (args.iso, len(iso_entries))),
            ("wordnet", "WordNet 3.0, %s (data.adj pertainyms to data.noun)" % args.wordnet),
            ("generator", "data/tools/build_actors.py"),
        ])),
        ("actors", countries + orgs + persons),
        ("roles", roles),
        ("ambiguous", ambiguous),
    ])

    problems, warnings = check(doc, iso_entries)
    log = stats["wordnet_log"]
    kinds = collections.Counter(a["kind"] for a in doc["actors"])
    print("countries %d, organizations %d, groups %d, persons %d, roles %d, ambiguous %d"
          % (kinds["country"], kinds["organization"], kinds["group"], kinds["person"], len(roles), len(ambiguous)))
    print("demonyms: %d from WordNet pertainyms, %d from the supplement; %d WordNet forms dropped, %d corrected"
          % (stats["demonyms_wordnet"], stats["demonyms_supplement"], len(log["dropped"]), len(log["fixed"])))
    print("plural demonyms: %d" % sum(len(a["plural_demonyms"]) for a in countries))
    if args.verbose:
        for k in ("dropped", "fixed", "unmapped"):
            print("wordnet %s: %s" % (k, ", ".join(log[k]) or "-"))
        for a3, src in sorted(stats["demonym_sources"].items()):
            print("  %s wordnet=%s supplement=%s" % (a3, src["wordnet"], src["supplement"]))
    for w in warnings:
        print("warning: " + w, file=sys.stderr)
    if problems:
        for p in problems:
            print("problem: " + p, file=sys.stderr)
        die("%d problem(s); %s not written" % (len(problems), args.out))
    write_json(doc, args.out)
    print("wrote %s" % args.out)


if __name__ == "__main__":
    main()
