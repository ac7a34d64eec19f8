"""Hover help for editors: a description for every property of the published JSON Schema.

Kept beside the model rather than in it so that the structs stay readable; `model.json_schema()`
applies these to the generated schema, and a test checks that every property has one.
A description given in the model itself (msgspec `Meta(description=...)`) wins.
"""

from __future__ import annotations

DESCRIPTIONS: dict[str, dict[str, str]] = {
    "KnowledgeBase": {
        "schema_version": "Version of this file format. Always 1.",
        "drug": "The medicine this file is about: its names, class, brands, forms and review date.",
        "disclaimer": "Shown at the end of answers: general facts, not personal advice.",
        "sources": "Every document the statements cite, by id. Cite the official document, not a copy.",
        "emergency": "The 'get help now' block: instruction, numbers to call and the signs to act on.",
        "topics": "The topics, in reading order. Each runs as `baclofen TOPIC-ID`.",
        "interactions": "Medicines, alcohol and drugs that mix badly with this one, in groups.",
        "regions": "Regions a reader can choose with --region, and the locale countries that choose each.",
        "quiz": "Teach-back questions, each tied to a topic.",
        "ask": "Words and phrasings that help `ask` understand patients' own questions.",
        "extends": "Set to 'builtin' to write a clinic overlay: only what you add or change, merged by id.",
        "labels": "Your own words for labels of the language pack (baclofen_cli/lang/<language>.yaml: in_short, "
                  "what_to_do, ...): they win over the pack's. The pack is chosen by drug.language.",
        "handout": "The printed leaflet: key facts, featured steps, the fill-in plan, tool pages, pictures, pump card.",
        "situations": "One situation, one action: the agreed rule for each set of signs, checked by validate "
        "(BCL030). Never shown to readers.",
    },
    "Situations": {
        "tiers": "Action tier id -> the words that give that action, e.g. emergency: ['911', 'emergency number'].",
        "rules": "The agreed rules: each names the signs of one situation and the action tier it calls for.",
        "implied": "A section `tier:` or `kind:` value that itself gives an action -> its tier id.",
    },
    "SituationRule": {
        "id": "Short id of the rule, e.g. pump-early-withdrawal.",
        "signs": "Phrases that identify the situation in a text, matched as whole words.",
        "action": "Tier ids: wherever these signs get an action, it must be one of these.",
        "never": "Tier ids these signs must never get (in the sign's sentence or the next).",
        "when": "The signs count only where one of these words is near (topic title, heading or text).",
        "rule": "The agreed rule in words, for editors.",
    },
    "Drug": {
        "name": "The medicine's generic name, as patients see it.",
        "drug_class": "Its class in plain words, e.g. 'muscle relaxant'.",
        "reviewed": "Date (YYYY-MM-DD) a pharmacist last reviewed this content. "
                    "Answers warn when it is over a year old.",
        "also_called": "Other names people use for it (brands, older names).",
        "brands": "Brand names, each with its region and form.",
        "forms": "The forms it comes in (tablets, oral solution, ...).",
        "language": "Language of the patient text, as a BCP 47 tag (en, es, ...).",
    },
    "Brand": {
        "name": "The brand name.",
        "region": "Where the brand is sold (US, UK, EU, AU).",
        "form": "The form and strength sold under this name.",
    },
    "Statement": {
        "text": "One or two short, plain sentences a patient reads (reading grade about 3 to 5).",
        "sources": "Ids from `sources:` that back this statement. Safety statements need an official one.",
        "regions": "Show only in these regions (e.g. [UK]); leave out to show everywhere.",
    },
    "Source": {
        "id": "Short id that statements cite, e.g. s28.",
        "title": "The document's title as the publisher gives it.",
        "publisher": "Who publishes it (FDA, NHS, National Library of Medicine, ...). Never 'various websites'.",
        "url": "Address of the official document itself (DailyMed set id, medlineplus.gov, nhs.uk, DOI...).",
        "tier": "official: regulator labels and leaflets, NHS, MedlinePlus/NLM, national formularies, poison centres, "
        "peer-reviewed evidence. reference: reputable drug references and professional sites. other: copies, "
        "forums, shops (never shipped; never the only support of a statement).",
        "kind": "What it is: label, patient leaflet, health service page, formulary, review, poison centre, ...",
        "region": "The region it speaks for, where that matters (US, UK, EU, AU).",
        "year": "Year of the version cited, shown to readers with the title and publisher.",
        "accessed": "Date (YYYY-MM-DD) the document was last read.",
        "via": "Where the text was actually read, if that was a copy. For editors only; never shown to patients.",
    },
    "Emergency": {
        "heading": "Title of the emergency box, e.g. 'Get help now'.",
        "instruction": "What to do first, with the numbers, for readers who chose no region.",
        "contacts": "Numbers to call, each with its region, kind and an official source.",
        "signs": "Signs that mean 'get help now'. Shown first on the emergency topics.",
        "reminder": "One line with the numbers, at the top of every other topic.",
        "by_region": "Region code -> the instruction and reminder with only that region's numbers.",
        "topics": "Ids of the topics that must lead with this box and hold an emergency section (BCL041).",
    },
    "RegionalEmergency": {
        "instruction": "The instruction with only this region's numbers.",
        "reminder": "The reminder line with only this region's numbers.",
    },
    "Contact": {
        "label": "Who answers, e.g. 'Poison Control (free, 24/7)'.",
        "number": "The phone number as people dial it.",
        "region": "The region where this number works (US, UK, EU, AU).",
        "kind": "emergency, poison, crisis, urgent-advice or other.",
        "sources": "An official page (poison centre, regulator, national health service) that gives this number.",
    },
    "Region": {
        "code": "The region's code, as used by --region and in `regions:` tags (US, UK, EU, AU).",
        "name": "The region's name in words.",
        "territories": "Country codes from locale names (en_GB -> GB) that choose this region by default.",
    },
    "Topic": {
        "id": "The topic's id: lower case and hyphens. Readers type it: `baclofen missed-dose`.",
        "title": "A question-style title, e.g. 'What if I miss a dose?'.",
        "summary": "The bottom line in one or two sentences, shown first.",
        "actions": "Numbered 'What to do' steps, shown right after the summary. Behaviours, not facts.",
        "sections": "The detail, in headed sections of short points.",
        "emergency_first": "Open this topic with the full emergency box (overdose, stopping, pump, side effects).",
        "talk_to_doctor": "When to talk to the doctor or pharmacist, shown at the end.",
        "aliases": "Other names readers may type for this topic, in the file's language "
                   "(`efectos-secundarios`): `baclofen efectos secundarios` runs it.",
    },
    "Section": {
        "heading": "The section's heading, ideally a question a patient would ask.",
        "points": "Short statements, each with its sources.",
        "kind": "info, warning or emergency: warnings and emergencies are labelled in words and colour.",
        "tier": "For side effects: common, less-common, call-doctor or emergency.",
    },
    "Interactions": {
        "groups": "Groups of medicines that act alike with this one, each with a severity and advice.",
        "unknown_drug": "Said for any name the file does not know. Must never read as reassurance.",
        "combinations": "Products that contain several medicines (Percocet, co-codamol).",
        "combined_warning": "Shown when several names asked together each slow the nervous system.",
        "depressant_groups": "Ids of the groups that add to sleepiness and slowed breathing.",
        "emergency_note": "Shown first when a name matches a major group: the signs that mean 'get help now'.",
        "same_drug": "Said when the name asked is this medicine itself (one of its brands, say).",
        "verdicts": "The one-line verdict an answer opens with, by the highest severity of everything asked.",
        "steps": "Numbered 'What to do' steps by the highest severity asked (major, moderate, minor).",
        "group_steps": "Group id -> steps added when a name matches that group (naloxone for opioids).",
        "not_drugs": "Everyday phrases that hold a name but are not that drug ('root beer', 'ginger ale').",
        "unlisted_medicines": "Real medicines with no entry here (names and an official source): answered "
        "'not in this guide', never matched to a listed drug spelt like them.",
        "not_read": "Said when a name is longer than the tool reads; {limit} is the number of characters read.",
        "major_groups": "Ids of the groups that must never be graded below major (BCL042).",
    },
    "InteractionGroup": {
        "id": "The group's id, e.g. opioids.",
        "name": "The group's name in plain words.",
        "member_label": "How one member is described, e.g. 'an opioid pain medicine'.",
        "severity": "major, moderate or minor. Sedatives that slow breathing are never below major.",
        "effect": "What can happen when taken together, in plain words.",
        "advice": "What to do. Never says a combination is safe; never a dose.",
        "sources": "Sources for the effect and advice; at least one official.",
        "drugs": "The medicines in the group, with brand names and everyday names.",
    },
    "InteractingDrug": {
        "name": "The generic name.",
        "brands": "Brand names that contain it.",
        "aliases": "Other names that mean it: other spellings, synonyms, brand-like names ('pethidine').",
        "street_names": "Street and everyday words for it ('weed', 'beer', 'a few pints'): they count alone or "
        "with an amount ('a joint', 'two bars'), never inside a longer everyday phrase ('pot noodle').",
        "everyday_names": "Street names that are also everyday words in a sentence ('a fifth', 'a forty', 'school "
        "bus'): names in `interactions` like street names, never read inside an `ask` question ('my fifth day').",
        "sources": "Where its street names come from (DEA, FRANK).",
        "brands_by_region": "Region code -> brands that mean this drug only there (UK Sominex is promethazine).",
    },
    "UnlistedMedicines": {
        "names": "Generic and brand names of real medicines the guide has no entry for.",
        "sources": "The official list the names come from.",
    },
    "Combination": {
        "name": "The product's name.",
        "contains": "The generic names it contains.",
        "aliases": "Other names for the product.",
        "regions": "Where the product is sold under this name; empty means everywhere.",
        "street_names": "Street names of the product ('lean'): alone or with an amount, never inside an everyday "
        "phrase ('lean meat').",
        "sources": "Where its street names come from.",
    },
    "QuizItem": {
        "id": "The item's id.",
        "topic": "Id of the topic it teaches back.",
        "question": "A teach-back question about what to do, not trivia.",
        "choices": "Two to six answers, exactly one correct.",
        "explanation": "Shown after the answer: why, in plain words.",
        "sources": "Sources for the right answer.",
    },
    "QuizChoice": {
        "text": "The answer as the reader sees it.",
        "correct": "true for the one right answer.",
    },
    "AskHints": {
        "topic_phrasings": "Topic id -> how patients ask about it ('I forgot my pill').",
        "synonyms": "Word -> words it can stand for in a question ('forgot' -> 'missed').",
        "emergency_phrasings": "Phrases that describe an emergency happening now ('took too many').",
        "non_emergency_phrasings": "Phrases that only ask about a symptom and must not raise the alarm alone.",
        "emergency_phrasing_topics": "Topic id -> words that, in a matched emergency phrasing, "
                                     "say which topic answers it.",
        "how_to_phrasings": "Phrases that make a question a how-to ('how do i know if'): "
                            "a sign in it is only asked about.",
        "taking_words": "Past-tense words that mean 'took' when said of a medicine ('swallowed', 'downed').",
        "container_words": "Words for what medicine comes in ('bottle', 'strip'): 'swallowed the rest of the bottle'.",
        "too_many_at_once": "This many tablets or doses taken at once is too many.",
        "daily_amount_phrases": "Phrases after a daily amount ('mg a day'): "
                                "the largest such amount is a day's maximum.",
        "self_harm_phrasings": "Thoughts of suicide or self-harm and 'lethal dose' questions: always an emergency.",
        "crisis_message": "Shown first for self-harm phrasings, before the emergency box.",
        "pet_topic": "The topic whose `pet_heading` section answers an animal that ate the medicine.",
        "pet_heading": "The heading of the `pet_topic` section that answers an animal that ate the medicine.",
        "pet_question_topics": "Topics a pet question is still answered from when nothing was eaten (storage).",
        "crisis_topic": "The topic whose emergency sections go with crisis help (never its other sections).",
        "condition_topic": "The topic for an emergency sign someone has as a condition or had in the past.",
        "emergency_number_phrasings": "Phrases that ask for the emergency numbers ('911', 'what number do i call').",
        "pet_words": "Words for animals: such a question gets pet_message, never human advice.",
        "pet_message": "What to do when a pet ate the medicine (a vet or an animal poison line).",
        "other_medicine_cues": "Dose or use cues ('how much', 'max dose'): "
                               "said of another medicine only, out of scope.",
        "other_medicine_message": "Said instead of an answer to another medicine's dose or use question.",
        "plain_words": "Everyday English words never corrected into another word ('great' is not 'treat').",
        "lead_sections": "Topic id -> heading of the section that leads whenever the topic answers (the rule first).",
        "emergency_if_taken_with": "Interaction group ids: said to be taken together with the medicine, an emergency.",
    },
    "Handout": {
        "title": "Title of the 2-page leaflet (`baclofen handout`).",
        "purpose": "One or two sentences under the title: what the leaflet helps the reader do.",
        "full_title": "Title of the complete booklet (`handout --full`).",
        "key_facts_heading": "Heading of the key-facts box.",
        "key_facts": "Up to 7 key facts for page 1.",
        "rules_heading": "Heading of the featured steps.",
        "rules": "The topics (and step numbers) whose 'What to do' steps page 1 features.",
        "plan_heading": "Heading of the fill-in plan.",
        "plan_intro": "The line above the plan's fields.",
        "plan": "The plan's fields to fill in by hand.",
        "tools": "Pages to use in `--full`: tips, or a table to fill in (diary, medicine list).",
        "pictures": "Captioned pictures drawn in the HTML booklet, each in its topic's chapter.",
        "card": "The wallet-size pump card (`handout --card`).",
        "sources_heading": "Heading of the handout's reference list (official sources only).",
    },
    "PlanField": {
        "label": "What to write, e.g. 'Pump team 24-hour number'.",
        "hint": "A short hint in brackets after the label.",
        "lines": "How many blank lines to write on (default 1).",
    },
    "FeaturedAction": {
        "topic": "Id of the topic whose step is featured.",
        "action": "Which of its 'What to do' steps, counting from 1 (its summary if it has no such step).",
    },
    "HandoutTool": {
        "heading": "The page's heading.",
        "intro": "A line under the heading.",
        "points": "Tips to follow.",
        "columns": "Column headings of a table to fill in.",
        "rows": "How many empty rows the table has.",
    },
    "Picture": {
        "kind": "What is drawn: oral-syringe, decision-chart, traffic-light or pump.",
        "topic": "Id of the topic whose chapter shows it.",
        "caption": "The caption under the picture.",
        "alt": "What the picture shows, in words (for screen readers and text formats).",
        "sources": "Sources for what the picture says.",
        "words": "The words drawn inside it, by key (see the model for each kind's keys).",
        "leaflet": "true to draw it on the 2-page leaflet too (in the plan box).",
    },
    "Card": {
        "heading": "The card's heading, e.g. 'I have a baclofen pump'.",
        "points": "What to do, written for whoever finds the card.",
        "fields": "Lines to fill in (name, pump team 24-hour number, ...).",
        "fold_note": "How to cut out and fold the card.",
    },
}


def describe(schema: dict[str, object]) -> dict[str, object]:
    """Add the descriptions above to a schema generated by msgspec (in place; returned for chaining)."""
    definitions = schema.get("$defs", {})
    assert isinstance(definitions, dict)
    for name, fields in DESCRIPTIONS.items():
        properties = definitions.get(name, {}).get("properties", {})
        for field, text in fields.items():
            if field in properties:
                properties[field].setdefault("description", text)
    return schema
