# Spanish brands (Spain, AEMPS CIMA), by English drug name: (brand, source id, CIMA name query, evidence note)
BRANDS = {
"lorazepam": [("Orfidal", "es-cima-orfidal", "orfidal",
               "Orfidal 1 mg comprimidos (lorazepam), Spain; leaflet text seen in the search corpus.")],
"alprazolam": [("Trankimazin", "es-cima-trankimazin", "trankimazin",
                "Trankimazin and Trankimazin Retard (alprazolam), Spain. A page quoting AEMPS gives nregistro 61152 for "
                "Trankimazin Retard 0,5 mg: verify, then cite https://cima.aemps.es/cima/dochtml/ft/61152/FT_61152.html.")],
"clorazepate": [("Tranxilium", "es-cima-tranxilium", "tranxilium",
                 "Tranxilium 5, 10 and 15 mg cápsulas duras (clorazepato dipotásico), Spain; ficha técnica seen.")],
"lormetazepam": [("Noctamid", "es-cima-noctamid", "noctamid",
                  "Noctamid 1 mg and 2 mg comprimidos, 2,5 mg/ml gotas (lormetazepam), Spain; ficha técnica seen.")],
"zolpidem": [("Stilnox", "es-cima-stilnox", "stilnox",
              "Stilnox 10 mg comprimidos recubiertos con película (zolpidem), Spain; leaflet seen (Spanish poison "
              "line 91 562 04 20 in it).")],
"tramadol": [("Adolonta", "es-cima-adolonta", "adolonta",
              "Adolonta 50 mg cápsulas and Adolonta retard (tramadol), Spain. A page quoting AEMPS gives nregistro 68570 "
              "for Adolonta retard 50 mg: verify.")],
"doxylamine": [("Dormidina", "es-cima-dormidina", "dormidina",
                "Dormidina doxilamina 12,5 mg and 25 mg comprimidos (doxilamina), Spain, no prescription. A page gives "
                "AEMPS nregistro 60154: verify.")],
"dimenhydrinate": [("Biodramina", "es-cima-biodramina", "biodramina",
                    "Biodramina 50 mg comprimidos, Biodramina Infantil (dimenhidrinato), Spain; leaflets seen.")],
"cyclobenzaprine": [("Yurelax", "es-cima-yurelax", "yurelax",
                     "Yurelax 10 mg cápsulas duras (ciclobenzaprina), Spain; ficha técnica seen.")],
"tizanidine": [("Sirdalud", "es-cima-sirdalud", "sirdalud",
                "Sirdalud 2 mg and 4 mg comprimidos (tizanidina), Spain. A page quoting AEMPS gives nregistro 58313: "
                "verify.")],
"amitriptyline": [("Tryptizol", "es-cima-tryptizol", None,
                   "Tryptizol 10, 25, 50 and 75 mg comprimidos (amitriptilina): CIMA ficha técnica read in the search "
                   "corpus at this URL.")],
"sertraline": [("Besitran", "es-cima-besitran", "besitran",
                "Besitran 50 and 100 mg comprimidos, 20 mg/ml concentrado (sertralina), Spain; ficha técnica seen.")],
"trazodone": [("Deprax", "es-cima-deprax", "deprax",
               "Deprax 100 mg comprimidos (trazodona), Spain; leaflet seen.")],
"meperidine": [("Dolantina", "es-cima-dolantina", None,
                "Dolantina 50 mg/ml solución inyectable (petidina): CIMA ficha técnica read in the search corpus at this "
                "URL.")],
"loperamide": [("Fortasec", "es-cima-fortasec", None,
                "Fortasec 2 mg cápsulas duras (loperamida), no prescription: CIMA ficha técnica read in the search "
                "corpus at this URL.")],
"lithium": [("Plenur", "es-cima-plenur", None,
             "Plenur 400 mg comprimidos de liberación modificada (carbonato de litio): CIMA ficha técnica read in the "
             "search corpus at this URL.")],
"bupropion": [("Elontril", "es-cima-elontril", "elontril",
               "Elontril 150 mg and 300 mg comprimidos de liberación modificada (bupropión), Spain; ficha técnica seen.")],
"bromazepam": [("Lexatin", "es-cima-lexatin", "lexatin",
                "Lexatin 1,5 mg and 3 mg cápsulas duras (bromazepam), Spain; leaflet and ficha técnica seen.")],
}
# Drugs sold in Spain that the English file does not list yet: group id -> drugs, put before the group's
# catch-all class entry (the last one). The English file should get them too (they answer "not in this guide"
# in English meanwhile, never "safe").
NEW_DRUGS = {
    "benzodiazepines": [{"name": "bromazepam", "aliases": []}],
}
# Spanish names of existing combination products: English combination name -> (aliases, source id, query, note).
COMBO_ALIASES = {
    "oxycodone and naloxone": (["Targin"], "es-cima-targin", "targin",
                               "Targin 5/2,5 to 40/20 mg comprimidos de liberación prolongada (oxicodona y naloxona), "
                               "Spain; ficha técnica seen."),
}
# Combination products sold in Spain.
COMBOS = [
    {"name": "Zaldiar", "contains": ["tramadol", "paracetamol (acetaminofén)"], "source": "es-cima-zaldiar",
     "query": "zaldiar",
     "note": "Zaldiar 37,5 mg/325 mg comprimidos (tramadol y paracetamol), Spain. A ficha técnica copy names nregistro "
             "65149: verify, then cite https://cima.aemps.es/cima/dochtml/ft/65149/FT_65149.html."},
]
FIXED_URL = {
    "es-cima-tryptizol": "https://cima.aemps.es/cima/dochtml/ft/51064/FT_51064.html",
    "es-cima-dolantina": "https://cima.aemps.es/cima/dochtml/ft/24245/FT_24245.html",
    "es-cima-fortasec": "https://cima.aemps.es/cima/dochtml/ft/56523/FT_56523.html",
    "es-cima-plenur": "https://cima.aemps.es/cima/dochtml/ft/48932/FT_48932.html",
}
