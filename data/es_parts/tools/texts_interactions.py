# English text -> Spanish text, for every patient-facing string of the interactions block.
T = {
# ---- statements
"This name is not in this guide. That does not mean it is safe. Ask your pharmacist before you take it with baclofen.":
"Este nombre no está en esta guía. Eso no quiere decir que sea seguro. Pregunte a su farmacéutico antes de tomarlo con baclofeno.",
"This is a name for baclofen itself. Taking two baclofen products can mean a double dose. Ask your pharmacist.":
"Este es un nombre del mismo baclofeno. Si toma dos productos de baclofeno, puede tomar una dosis doble. Pregunte a su farmacéutico.",
"Get help at once if someone cannot be woken, or has slow or shallow breathing or blue lips: call the emergency number now.":
"Pida ayuda ya si alguien no despierta, respira lento o muy débil, o tiene los labios azules: llame ahora al número de emergencias.",
"Each of these can make you sleepy and slow your breathing. With baclofen, the effects add up and can be very dangerous.":
"Cada uno de estos puede darle sueño y hacer que respire más lento. Con baclofeno, los efectos se suman y pueden ser muy peligrosos.",
"Serious. With baclofen, this can make you very sleepy. Your breathing can slow down or stop.":
"Grave. Con baclofeno, esto le puede dar mucho sueño. Su respiración puede ir más lenta o pararse.",
"Take care. With baclofen, this can cause problems. Your doctor or pharmacist must know you take both.":
"Tenga cuidado. Con baclofeno, esto puede causar problemas. Su médico o farmacéutico debe saber que toma los dos.",
"Small risk. With baclofen, this can add to some side effects. Tell your pharmacist you take both.":
"Riesgo pequeño. Con baclofeno, esto puede aumentar algunos efectos secundarios. Dígale a su farmacéutico que toma los dos.",
"Watch for danger signs: very sleepy, hard to wake, slow or shallow breathing, or blue lips. If you see any of them, call the emergency number now.":
"Vigile las señales de peligro: mucho sueño, cuesta despertar a la persona, respira lento o muy débil, o tiene los labios azules. Si ve alguna, llame ahora al número de emergencias.",
"If you have already mixed them: do not take anything else that makes you sleepy, do not drive, and stay with someone who can get help.":
"Si ya los mezcló: no tome nada más que dé sueño, no maneje (no conduzca) y quédese con alguien que pueda pedir ayuda.",
"Tell your doctor or pharmacist that you take baclofen before you start anything new.":
"Dígale a su médico o farmacéutico que toma baclofeno antes de empezar algo nuevo.",
"Tell your doctor about any new or worse side effects. Do not drive if you feel sleepy or slow.":
"Avise a su médico si tiene efectos secundarios nuevos o peores. No maneje (no conduzca) si tiene sueño o se siente lento.",
"Tell your pharmacist that you take baclofen.":
"Dígale a su farmacéutico que toma baclofeno.",
"It is best not to drink alcohol with baclofen, at least until you know how it affects you. Never drink to get through the day. Never drink alcohol with opioids, sleeping pills, benzodiazepines or other medicines that make you sleepy.":
"Es mejor no tomar alcohol con baclofeno, al menos hasta que sepa cómo le afecta. Nunca beba para aguantar el día. Nunca tome alcohol con opioides, pastillas para dormir, benzodiacepinas u otras medicinas que dan sueño.",
"Take them together only if your doctor knows and has planned it. If your doctor prescribes both, they will use the lowest doses that work. Never take extra.":
"Tómelos juntos solo si su médico lo sabe y lo ha planeado. Si le receta los dos, usará las dosis más bajas que funcionen. Nunca tome de más.",
"Do not drink alcohol with them.":
"No tome alcohol con ellos.",
"If opioids may be involved and you have naloxone (Narcan, Nyxoid), give it and call the emergency number. Naloxone does not undo baclofen, so the person still needs hospital care.":
"Si puede haber opioides y usted tiene naloxona (Narcan, Nyxoid), désela y llame al número de emergencias. La naloxona no quita el efecto del baclofeno, así que la persona aún debe ir al hospital.",
"Take them together only if your doctor knows and has planned it. Never take extra.":
"Tómelos juntos solo si su médico lo sabe y lo ha planeado. Nunca tome de más.",
"Never use GHB, GBL or phenibut with baclofen. Do not drink alcohol with them.":
"Nunca use GHB, GBL ni fenibut con baclofeno. No tome alcohol con ellos.",
"Naloxone may not undo xylazine, but street drugs with xylazine often hold opioids too. If you have naloxone (Narcan, Nyxoid), give it and call the emergency number.":
"Puede que la naloxona no quite el efecto de la xilacina, pero las drogas de la calle con xilacina a menudo también tienen opioides. Si tiene naloxona (Narcan, Nyxoid), désela y llame al número de emergencias.",
"This name is very long. Only the first {limit} characters were read. Check the rest separately, a few names at a time.":
"Este nombre es muy largo. Solo se leyeron los primeros {limit} caracteres. Revise el resto aparte, unos pocos nombres a la vez.",

# ---- groups: name, member_label, effect, advice
"Alcohol": "Alcohol",
"an alcoholic drink": "una bebida con alcohol",
"You can get much more sleepy and dizzy, and lose your balance. Your breathing can slow down, more so if you also take other medicines that make you sleepy.":
"Puede tener mucho más sueño y mareo, y perder el equilibrio. Puede respirar más lento, sobre todo si también toma otras medicinas que dan sueño.",
"It is best not to drink alcohol with baclofen, at least until you know how it affects you. Never drink to get through the day. Never drink alcohol with opioids, sleeping pills, benzodiazepines or other medicines that make you sleepy. Do not drive after drinking.":
"Es mejor no tomar alcohol con baclofeno, al menos hasta que sepa cómo le afecta. Nunca beba para aguantar el día. Nunca tome alcohol con opioides, pastillas para dormir, benzodiacepinas u otras medicinas que dan sueño. No maneje (no conduzca) después de beber.",

"Opioid painkillers and opioid cough medicines": "Analgésicos opioides y jarabes para la tos con opioides",
"an opioid": "un opioide",
"You can get very sleepy, and your breathing can slow down or stop. This can lead to coma or death. With a baclofen pump, morphine has also caused low blood pressure.":
"Puede tener mucho sueño, y puede respirar más lento o pararse. Esto puede llevar al coma o a la muerte. Con una bomba de baclofeno, la morfina también ha causado presión baja (tensión baja).",
"Take them together only if your doctor knows and has planned it. If your doctor prescribes both, they will use the lowest doses that work. Never take extra. Do not drink alcohol, and do not drive. If someone cannot be woken or breathes slowly, call the emergency number. If you have naloxone (Narcan, Nyxoid), give it too: it does not undo baclofen, so they still need hospital care.":
"Tómelos juntos solo si su médico lo sabe y lo ha planeado. Si le receta los dos, usará las dosis más bajas que funcionen. Nunca tome de más. No tome alcohol y no maneje (no conduzca). Si alguien no despierta o respira lento, llame al número de emergencias. Si tiene naloxona (Narcan, Nyxoid), désela también: no quita el efecto del baclofeno, así que la persona aún debe ir al hospital.",

"Benzodiazepines (calming and sleeping pills)": "Benzodiacepinas (pastillas para calmarse y para dormir)",
"a benzodiazepine": "una benzodiacepina",
"You may get much more sleepy, confused and unsteady on your feet. Your breathing can slow down.":
"Puede tener mucho más sueño y confusión, y perder firmeza al caminar. Puede respirar más lento.",
"Take them together only if your doctor knows and has planned it. Never take extra. Do not drink alcohol with them. Do not drive if you feel sleepy or slow, and ask your doctor whether you can drive at all.":
"Tómelos juntos solo si su médico lo sabe y lo ha planeado. Nunca tome de más. No tome alcohol con ellos. No maneje (no conduzca) si tiene sueño o se siente lento, y pregunte a su médico si puede manejar.",

"Z-drugs and other prescription sleeping pills": "Fármacos Z y otras pastillas para dormir con receta",
"a prescription sleeping pill": "una pastilla para dormir con receta",
"You can get much more sleepy and confused, and be more likely to fall. Your breathing can slow down, more so with alcohol or opioids. You may feel groggy the next day.":
"Puede tener mucho más sueño y confusión, y caerse con más facilidad. Puede respirar más lento, sobre todo con alcohol u opioides. Al día siguiente puede sentirse aturdido.",
"Take them together only if your doctor knows and has planned it. Never take extra. Do not drink alcohol with them. Do not drive the next morning if you feel groggy or slow.":
"Tómelos juntos solo si su médico lo sabe y lo ha planeado. Nunca tome de más. No tome alcohol con ellos. No maneje (no conduzca) a la mañana siguiente si se siente aturdido o lento.",

"Sedating (drowsy) antihistamines": "Antihistamínicos que dan sueño (sedantes)",
"a sedating antihistamine": "un antihistamínico que da sueño",
"You can get more sleepy and dizzy.": "Puede tener más sueño y mareo.",
"Many allergy, cold, cough and sleep products you can buy contain one. Read the label and ask your pharmacist. A non-drowsy antihistamine may be an option: ask your pharmacist.":
"Muchos productos sin receta para la alergia, el resfriado, la tos y el sueño tienen uno. Lea la etiqueta y pregunte a su farmacéutico. Un antihistamínico que no da sueño puede ser una opción: pregunte a su farmacéutico.",

"Non-drowsy antihistamines": "Antihistamínicos que no dan sueño",
"a non-drowsy antihistamine": "un antihistamínico que no da sueño",
"These are less likely to make you sleepy, but some people still feel sleepy on them. With baclofen, sleepiness can add up.":
"Estos dan sueño con menos frecuencia, pero a algunas personas les dan sueño de todos modos. Con baclofeno, el sueño se puede sumar.",
"Take care until you know how it affects you. It is best not to drink alcohol with them.":
"Tenga cuidado hasta que sepa cómo le afecta. Es mejor no tomar alcohol con ellos.",

"Other muscle relaxants": "Otros relajantes musculares",
"a muscle relaxant": "un relajante muscular",
"Sleepiness, weakness and low blood pressure can add up. With tizanidine, baclofen levels in the blood do not change, but the effects still add up.":
"El sueño, la debilidad y la presión baja (tensión baja) se pueden sumar. Con tizanidina, el nivel de baclofeno en la sangre no cambia, pero los efectos se suman de todos modos.",
"Do not add another muscle relaxant on your own. Specialists sometimes use two on purpose, and then check on you closely.":
"No tome otro relajante muscular por su cuenta. A veces los especialistas usan dos a propósito, y entonces lo vigilan de cerca.",

"Carisoprodol (Soma)": "Carisoprodol (Soma)",
"a muscle relaxant that the body turns into a sedative (meprobamate)":
"un relajante muscular que el cuerpo convierte en un sedante (meprobamato)",
"Carisoprodol turns into meprobamate, a sedative, in the body. You can get much more sleepy, and your breathing can slow down.":
"Dentro del cuerpo, el carisoprodol se convierte en meprobamato, un sedante. Puede tener mucho más sueño, y puede respirar más lento.",
"Take them together only if your doctor knows and has planned it. Never take extra. Do not drink alcohol with them. If someone is very hard to wake or breathes slowly, call the emergency number now.":
"Tómelos juntos solo si su médico lo sabe y lo ha planeado. Nunca tome de más. No tome alcohol con ellos. Si a alguien le cuesta mucho despertar o respira lento, llame ahora al número de emergencias.",

"Gabapentin and pregabalin (gabapentinoids)": "Gabapentina y pregabalina (gabapentinoides)",
"a nerve pain and seizure medicine (gabapentinoid)": "una medicina para el dolor de los nervios y las convulsiones (gabapentinoide)",
"You can get more sleepy and dizzy. Serious breathing problems can happen, more so in older people and people with lung disease.":
"Puede tener más sueño y mareo. Puede tener problemas graves para respirar, sobre todo si es una persona mayor o tiene una enfermedad de los pulmones.",
"Tell your doctor. If you see unusual sleepiness or slow, shallow breathing, call the emergency number now.":
"Dígaselo a su médico. Si ve un sueño fuera de lo normal o una respiración lenta y débil, llame ahora al número de emergencias.",

"Barbiturates (including some headache pills)": "Barbitúricos (también en algunas pastillas para el dolor de cabeza)",
"a barbiturate": "un barbitúrico",
"You can get much more sleepy, and your breathing can slow down.":
"Puede tener mucho más sueño, y puede respirar más lento.",
"Tell your doctor about any headache pills that contain butalbital. Take them together only if your doctor knows.":
"Dígale a su médico si toma pastillas para el dolor de cabeza con butalbital. Tómelos juntos solo si su médico lo sabe.",

"Sodium oxybate (Xyrem, Xywav, Lumryz) and GHB": "Oxibato de sodio (Xyrem, Xywav, Lumryz) y GHB",
"an oxybate (GHB), which works like baclofen": "un oxibato (GHB), que actúa como el baclofeno",
"Sodium oxybate is GHB. It works on the same brain switch as baclofen. Together they can make you very sleepy and confused. Your breathing can slow down or stop. This can lead to coma or death.":
"El oxibato de sodio es GHB. Actúa en el mismo interruptor del cerebro que el baclofeno. Juntos le pueden dar mucho sueño y confusión. Su respiración puede ir más lenta o pararse. Esto puede llevar al coma o a la muerte.",
"Take them together only if your doctor knows and has planned it. Never take extra. Never use GHB or GBL with baclofen. Do not drink alcohol with them.":
"Tómelos juntos solo si su médico lo sabe y lo ha planeado. Nunca tome de más. Nunca use GHB ni GBL con baclofeno. No tome alcohol con ellos.",

"Phenibut (a supplement that works like baclofen)": "Fenibut (un suplemento que actúa como el baclofeno)",
"a supplement that works like baclofen": "un suplemento que actúa como el baclofeno",
"Phenibut works on the same brain switch as baclofen. It can make you very sleepy, slow your breathing, and put you in a coma. With baclofen, these effects add up.":
"El fenibut actúa en el mismo interruptor del cerebro que el baclofeno. Le puede dar mucho sueño, hacer que respire más lento y causar un coma. Con baclofeno, estos efectos se suman.",
"Do not take phenibut with baclofen. Do not drink alcohol with it. If you take phenibut every day, do not stop it suddenly on your own: ask your doctor for help.":
"No tome fenibut con baclofeno. No tome alcohol con él. Si toma fenibut todos los días, no lo deje de golpe por su cuenta: pida ayuda a su médico.",

"Xylazine (tranq) in street drugs": "Xilacina (tranq) en las drogas de la calle",
"an animal sedative found in street drugs": "un sedante para animales que se encuentra en drogas de la calle",
"Xylazine is a sedative for animals. It is mixed into street drugs, often with fentanyl. It can make you very sleepy and slow your breathing and heart. With baclofen, these effects add up.":
"La xilacina es un sedante para animales. La mezclan con drogas de la calle, a menudo con fentanilo. Le puede dar mucho sueño y hacer más lentos su respiración y su corazón. Con baclofeno, estos efectos se suman.",
"Do not use street drugs with baclofen. Naloxone may not undo xylazine, but give it if you have it, because opioids are often mixed in. Call the emergency number if someone cannot be woken or breathes slowly.":
"No use drogas de la calle con baclofeno. Puede que la naloxona no quite el efecto de la xilacina, pero désela si la tiene, porque a menudo hay opioides en la mezcla. Llame al número de emergencias si alguien no despierta o respira lento.",

"Tricyclic antidepressants (TCAs)": "Antidepresivos tricíclicos",
"a tricyclic antidepressant": "un antidepresivo tricíclico",
"Your muscles may get very weak and floppy. You may also get more sleepy.":
"Sus músculos pueden quedar muy débiles y flojos. También puede tener más sueño.",
"Tell your doctor, who may use lower doses. Tell them about any new weakness or falls. Low doses of amitriptyline for pain or sleep count too.":
"Dígaselo a su médico, que puede usar dosis más bajas. Avísele si nota debilidad nueva o si se cae. Las dosis bajas de amitriptilina para el dolor o el sueño también cuentan.",

"MAO inhibitor antidepressants (MAOIs)": "Antidepresivos inhibidores de la MAO (IMAO)",
"an MAO inhibitor (MAOI)": "un inhibidor de la MAO (IMAO)",
"You may get more sleepy and slower to react.": "Puede tener más sueño y reaccionar más lento.",
"Tell your doctor, who may want to check on you more closely.": "Dígaselo a su médico, que tal vez quiera vigilarlo más de cerca.",

"Other antidepressants (SSRIs, SNRIs, mirtazapine, trazodone)": "Otros antidepresivos (ISRS, IRSN, mirtazapina, trazodona)",
"an antidepressant": "un antidepresivo",
"These are not named in the baclofen labels. But drugs.com says they can add to sleepiness and to a drop in blood pressure.":
"Estos no aparecen en la información oficial del baclofeno. Pero drugs.com dice que pueden aumentar el sueño y la bajada de la presión arterial.",
"Tell your doctor. Watch for extra sleepiness, and for dizziness when you stand up.":
"Dígaselo a su médico. Fíjese si tiene más sueño, o si se marea al ponerse de pie.",

"Lithium": "Litio",
"a mood stabiliser": "un estabilizador del ánimo",
"Jerky or restless movements that you cannot control may get worse.":
"Pueden empeorar los movimientos bruscos o inquietos que usted no puede controlar.",
"Tell your doctor. Tell them about any new jerky or restless movements.":
"Dígaselo a su médico. Avísele si tiene movimientos bruscos o inquietos nuevos.",

"Antipsychotic medicines": "Medicinas antipsicóticas",
"an antipsychotic": "un antipsicótico",
"You may get more sleepy, and your blood pressure can drop. Baclofen on its own can also make psychosis worse.":
"Puede tener más sueño, y su presión arterial puede bajar. El baclofeno solo también puede empeorar la psicosis.",
"Tell your doctor. Report heavy sleepiness, fainting, or mental health symptoms that get worse.":
"Dígaselo a su médico. Avísele si tiene mucho sueño, si se desmaya o si sus síntomas de salud mental empeoran.",

"Bupropion (a medicine that can make seizures more likely)": "Bupropión (una medicina que puede hacer más probables las convulsiones)",
"a medicine that can make seizures more likely": "una medicina que puede hacer más probables las convulsiones",
"Bupropion makes seizures (fits) more likely. Baclofen can make seizure control worse in epilepsy. This pair is not in the baclofen labels, so the added risk is not proven.":
"El bupropión hace más probables las convulsiones (ataques). En la epilepsia, el baclofeno puede hacer más difícil controlar las convulsiones. Esta pareja no está en la información oficial del baclofeno, así que el riesgo extra no está probado.",
"Tell your doctor, most of all if you have ever had a seizure. Never stop baclofen suddenly: that can cause seizures too.":
"Dígaselo a su médico, sobre todo si alguna vez tuvo una convulsión. Nunca deje el baclofeno de golpe: eso también puede causar convulsiones.",

"Levodopa medicines for Parkinson's disease": "Medicinas con levodopa para la enfermedad de Parkinson",
"a Parkinson's medicine": "una medicina para el Parkinson",
"You may get confused, see or hear things that are not there, or feel agitated or sick. You may get headaches. Parkinson's symptoms may get worse.":
"Puede sentir confusión, ver u oír cosas que no están, o sentirse agitado o con ganas de vomitar. Puede tener dolor de cabeza. Los síntomas del Parkinson pueden empeorar.",
"Tell your doctor. Tell them at once about any confusion or hallucinations (seeing or hearing things that are not there).":
"Dígaselo a su médico. Avísele enseguida si tiene confusión o alucinaciones (ver u oír cosas que no están).",

"Blood pressure medicines": "Medicinas para la presión arterial",
"a blood pressure medicine": "una medicina para la presión arterial",
"Your blood pressure can drop more than expected. You may feel dizzy or faint, mostly when you stand up.":
"Su presión arterial puede bajar más de lo esperado. Puede sentir mareo o que se va a desmayar, sobre todo al ponerse de pie.",
"Stand up slowly. Tell your doctor if you feel dizzy or faint. Your doctor may need to change the dose of your blood pressure medicine.":
"Levántese despacio. Avise a su médico si siente mareo o que se va a desmayar. Puede que su médico tenga que cambiar la dosis de su medicina para la presión.",

"NSAID painkillers (and other medicines that can slow the kidneys)": "Analgésicos antiinflamatorios (AINE) y otras medicinas que pueden frenar los riñones",
"an NSAID painkiller": "un analgésico antiinflamatorio (AINE)",
"These can make your kidneys work less well. Then baclofen can build up in your body and cause strong sleepiness, confusion or other signs of too much baclofen.":
"Estos pueden hacer que sus riñones funcionen peor. Entonces el baclofeno se puede acumular en su cuerpo y causar mucho sueño, confusión u otras señales de demasiado baclofeno.",
"Ask your pharmacist before you take them, even once in a while. Regular use, kidney problems, dehydration or older age need a review by your doctor.":
"Pregunte a su farmacéutico antes de tomarlos, aunque sea de vez en cuando. Su médico debe revisar su caso si los toma a menudo, si tiene problemas de riñón, si le falta líquido (deshidratación) o si es una persona mayor.",

"Diabetes medicines": "Medicinas para la diabetes",
"a diabetes medicine": "una medicina para la diabetes",
"Rarely, baclofen can raise your blood sugar. Your diabetes treatment may need to change.":
"Pocas veces, el baclofeno puede subir el azúcar en la sangre. Puede que haya que cambiar su tratamiento para la diabetes.",
"Check your blood sugar more often when you start baclofen or your dose changes. Tell the person who looks after your diabetes.":
"Mida su azúcar en la sangre más a menudo cuando empiece el baclofeno o cuando cambie su dosis. Avise a quien lleva el control de su diabetes.",

"Anaesthetics and other medicines used for surgery": "Anestesia y otras medicinas que se usan en una operación",
"a medicine used for surgery": "una medicina que se usa en una operación",
"These medicines may work more strongly or for longer. With a baclofen pump, morphine has caused low blood pressure.":
"Estas medicinas pueden hacer más efecto o durar más. Con una bomba de baclofeno, la morfina ha causado presión baja (tensión baja).",
"Tell your surgeon, anaesthetist and dentist that you take baclofen or have a pump. Do not stop baclofen before surgery unless they tell you to.":
"Dígale a su cirujano, a su anestesista y a su dentista que toma baclofeno o que tiene una bomba. No deje el baclofeno antes de la operación, a menos que ellos se lo digan.",

"Cannabis and cannabis-based medicines": "Cannabis y medicinas con cannabis",
"a cannabis product or medicine": "un producto o una medicina con cannabis",
"You can get more sleepy. In one lab study, cannabis with baclofen made it harder to think clearly.":
"Puede tener más sueño. En un estudio de laboratorio, el cannabis con baclofeno hizo más difícil pensar con claridad.",
"Tell your doctor. Do not drive after using cannabis with baclofen.":
"Dígaselo a su médico. No maneje (no conduzca) después de usar cannabis con baclofeno.",

"Ketamine and esketamine (Spravato)": "Ketamina y esketamina (Spravato)",
"ketamine or esketamine": "ketamina o esketamina",
"You can get much more sleepy, and feel confused or cut off from yourself. Your breathing can slow down.":
"Puede tener mucho más sueño, y sentirse confundido o como fuera de sí mismo. Puede respirar más lento.",
"Tell the doctor or clinic that you take baclofen. Do not use street ketamine with baclofen. Do not drive on the day you use it.":
"Dígale al médico o a la clínica que toma baclofeno. No use ketamina de la calle con baclofeno. No maneje (no conduzca) el día que la use.",

"Melatonin and herbal sleep or calming products (kava, valerian)": "Melatonina y productos de hierbas para dormir o calmarse (kava, valeriana)",
"a sleep or calming supplement": "un suplemento para dormir o calmarse",
"These can make you more sleepy. With baclofen, sleepiness can add up. Kava can also harm the liver.":
"Estos le pueden dar más sueño. Con baclofeno, el sueño se puede sumar. La kava también puede dañar el hígado.",
"Tell your pharmacist before you take them. Do not drive if you feel sleepy.":
"Dígaselo a su farmacéutico antes de tomarlos. No maneje (no conduzca) si tiene sueño.",

"Other Parkinson's and restless legs medicines (dopamine agonists, amantadine)": "Otras medicinas para el Parkinson y las piernas inquietas (agonistas de la dopamina, amantadina)",
"a Parkinson's or restless legs medicine": "una medicina para el Parkinson o las piernas inquietas",
"These can also make you sleepy or confused, or make you see or hear things that are not there. With baclofen, this may happen more. Amantadine leaves the body through the kidneys, like baclofen.":
"Estas también le pueden dar sueño o confusión, o hacer que vea u oiga cosas que no están. Con baclofeno, esto puede pasar más. La amantadina sale del cuerpo por los riñones, igual que el baclofeno.",
"Tell your doctor. Tell them at once about confusion, hallucinations, or falling asleep suddenly in the day.":
"Dígaselo a su médico. Avísele enseguida si tiene confusión, alucinaciones, o si se queda dormido de repente durante el día.",

"Bladder medicines that calm the bladder (antimuscarinics)": "Medicinas que calman la vejiga (antimuscarínicos)",
"a bladder medicine": "una medicina para la vejiga",
"These and baclofen can both make it hard to pass urine. These can also make you sleepy or confused, more so in older people.":
"Estas y el baclofeno pueden hacer que le cueste orinar. Estas también pueden dar sueño o confusión, sobre todo en personas mayores.",
"Tell your doctor if you find it hard to pass urine, or if you feel confused.":
"Avise a su médico si le cuesta orinar o si se siente confundido.",

"Other medicines that can harm the kidneys": "Otras medicinas que pueden dañar los riñones",
"a medicine that can harm the kidneys": "una medicina que puede dañar los riñones",
"Tell the doctor who gives them that you take baclofen. If you are very ill with vomiting, diarrhoea or a fever and cannot drink enough, ask your doctor or pharmacist about your medicines the same day.":
"Dígale al médico que se las da que usted toma baclofeno. Si está muy enfermo (vómitos, diarrea o fiebre) y no puede beber bastante, pregunte ese mismo día a su médico o farmacéutico por sus medicinas.",

"Diarrhoea medicines (loperamide, diphenoxylate)": "Medicinas para la diarrea (loperamida, difenoxilato)",
"a diarrhoea medicine": "una medicina para la diarrea",
"These can add to constipation. Diphenoxylate can also make you sleepy. Very high doses of loperamide are dangerous.":
"Estas pueden aumentar el estreñimiento. El difenoxilato también puede dar sueño. Las dosis muy altas de loperamida son peligrosas.",
"Take them only as the pack or your doctor says. Tell your pharmacist you take baclofen.":
"Tómelas solo como dice la caja o como dice su médico. Dígale a su farmacéutico que toma baclofeno.",

"Other medicines that make you sleepy (including seizure medicines)": "Otras medicinas que dan sueño (también las medicinas para las convulsiones)",
"a medicine that can make you sleepy": "una medicina que puede dar sueño",
"Sleepiness can add up, and your breathing can slow down.":
"El sueño se puede sumar, y puede respirar más lento.",
"Ask your pharmacist before you add anything that can make you sleepy, including cough and cold products.":
"Pregunte a su farmacéutico antes de tomar algo más que pueda dar sueño, también los productos para la tos y el resfriado.",
}
