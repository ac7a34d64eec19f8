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
}
# Combination products sold in Spain.
COMBOS = [
    {"name": "Zaldiar", "contains": ["tramadol", "paracetamol (acetaminofén)"], "source": "es-cima-zaldiar",
     "query": "zaldiar",
     "note": "Zaldiar 37,5 mg/325 mg comprimidos (tramadol y paracetamol), Spain. A ficha técnica copy names nregistro "
             "65149: verify, then cite https://cima.aemps.es/cima/dochtml/ft/65149/FT_65149.html."},
]
FIXED_URL = {"es-cima-tryptizol": "https://cima.aemps.es/cima/dochtml/ft/51064/FT_51064.html"}
