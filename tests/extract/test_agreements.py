"""agreements.py: only what was signed; counts apart; values only when tied to the agreement."""
from __future__ import annotations

from .conftest import run


def titles(text: str) -> list[str]:
    return [m.title for m in run(text).mous]


def test_signed_sentence_with_purpose_names_the_parties():
    a = run("Chile and Peru signed a memorandum of understanding to establish a joint border commission.\n")
    assert len(a.mous) == 1
    m = a.mous[0]
    assert m.parties == ["Chile", "Peru"]
    # countries are the parties, not part of the title, when the title says what it is about
    assert m.title == "memorandum of understanding on a joint border commission"
    assert m.evidence == ["p1"]


def test_countries_name_a_bare_agreement_and_companies_always_show():
    assert titles("Chile and Peru signed a memorandum of understanding.\n") == \
        ["Chile – Peru memorandum of understanding"]
    assert titles("Oslo-based Fjordline Shipping signed a supply agreement with Peru's Andes Mining Group to "
                  "develop a copper smelter.\n") == \
        ["Fjordline Shipping – Andes Mining Group supply agreement on a copper smelter"]


def test_day_words_and_trailing_clauses_leave_the_title():
    assert titles("Chile and Peru signed an agreement on Thursday on the joint patrol of the Lauca river, "
                  "during a visit to Arica by the Peruvian minister.\n") == \
        ["agreement on the joint patrol of the Lauca river"]


def test_amount_words_are_not_part_of_the_agreement_name():
    a = run("Norsk Hydrogen signed a $2 billion supply agreement with Chile's Atacama Energy.\n")
    assert "billion" not in a.mous[0].title


def test_negated_and_background_signings_are_not_agreements():
    text = ("Chile and Peru held talks in Lima on Monday.\n\n"
            "No agreement on fishing quotas was signed.\n\n"
            "The Pacific Ports Accord, signed in 2015, was reviewed.\n\n"
            "Customs deals have been signed years ago and never applied, an analyst said.\n")
    assert titles(text) == []


def test_sublist_of_signed_documents_ends_where_the_outer_list_resumes():
    text = ("1. The ministers met in Quito.\n\n"
            "2. The ministers witnessed the signing of the following documents:\n\n"
            "a) Memorandum of Understanding on Volcanic Risk Monitoring;\n\n"
            "b) Agreement on Cultural Heritage Protection, signed by the culture ministers;\n\n"
            "c) Joint Work Programme on Forestry 2027-2029.\n\n"
            "3. The ministers discussed regional matters and the weather in the Andes.\n")
    assert titles(text) == ["Memorandum of Understanding on Volcanic Risk Monitoring",
                            "Agreement on Cultural Heritage Protection", "Joint Work Programme on Forestry 2027-2029"]


def test_list_entries_that_name_their_agreement_keep_the_name():
    text = ("The three agreements signed in Quito were:\n\n1. a Memorandum of Understanding on Seismic Data;\n\n"
            "2. an Agreement on Road Transport, covering buses and lorries;\n\n"
            "3. a Cultural Programme for the years 2027 to 2029.\n")
    assert titles(text) == ["Memorandum of Understanding on Seismic Data", "Agreement on Road Transport",
                            "Cultural Programme for the years 2027 to 2029"]


def test_exchange_of_notes_is_an_agreement():
    assert titles("The two ministers signed an exchange of notes on a grant for rural clinics.\n") == \
        ["exchange of notes on a grant for rural clinics"]


def test_named_agreement_keeps_its_name():
    a = run("Ministers from Norway and Iceland inked the Arctic Fisheries Accord on Monday.\n")
    assert titles("Ministers from Norway and Iceland inked the Arctic Fisheries Accord on Monday.\n") == \
        ["Arctic Fisheries Accord"]
    assert a.mous[0].value is None


def test_plans_and_laws_are_not_agreements():
    text = ("The two sides are expected to sign more than 10 memorandums next week.\n\n"
            "Ghana and Togo agreed to establish a trade commission.\n\n"
            "The leaders will sign a defence pact in June.\n\n"
            "The president signed the customs bill into law on Monday.\n")
    a = run(text)
    assert a.mous == []
    assert a.mou_count is None
    assert a.prospects, "plans are kept as prospects"


def test_subject_area_list_after_a_signing_heading():
    text = ("Kenya and Uganda ties\n\nThe agreements were signed on:\n\n- Energy\n- Tourism promotion\n"
            "- Water resources\n")
    assert titles(text) == ["MoU on Energy", "MoU on Tourism promotion", "MoU on Water resources"]


def test_inline_area_list_and_stated_count():
    a = run("Ghana signed five MoUs with Liberia. The two countries also signed cooperation agreements in "
            "fisheries, road safety, health and higher education.\n")
    assert [m.title for m in a.mous] == ["MoU on fisheries", "MoU on road safety", "MoU on health",
                                         "MoU on higher education"]
    assert a.mou_count is not None and a.mou_count.stated == 5 and a.mou_count.text == "five MoUs"


def test_enumeration_of_mous_after_a_signing():
    text = ("The ministers presided over the signing of 3 memoranda in Accra.\n\n"
            "They include an MoU on Culture, an MoU on Sports and Youth, and an MoU on Aviation.\n")
    assert titles(text) == ["MoU on Culture", "MoU on Sports and Youth", "MoU on Aviation"]


def test_value_attached_only_when_tied():
    a = run("Agreements worth $40 million were signed at the investment forum.\n\n"
            "Bilateral trade reached $900 million last year.\n")
    assert len(a.mous) <= 1
    text = ("Ghana and Togo sign deals\n\nAgreements signed\n\n1. Power Sector Support:\nAgreements worth $40 million were signed at the "
            "forum.\n2. Port Upgrades:\nA plan for the harbour, which handles $900 million of cargo.\n")
    a = run(text)
    assert [m.title for m in a.mous] == ["Power Sector Support", "Port Upgrades"]
    assert a.mous[0].value is not None and a.mous[0].value.amount == 40e6
    assert a.mous[1].value is None


def test_organisations_as_parties():
    a = run("- Acme Power and the National Grid Company signed an MOU to develop solar farms in the north.\n")
    assert a.mous[0].parties == ["Acme Power", "National Grid Company"]
    assert a.mous[0].title.startswith("Acme Power – National Grid Company MOU on solar farms")


def test_mous_link_to_focus_areas_by_topic():
    text = ("Minister visits Lima\n\nFocus Areas\n\n1. Energy Cooperation\nThe ministers discussed oil, gas and solar power.\n"
            "2. Education\nUniversities will exchange students.\n\nAgreements Signed\n\n"
            "1. Renewable Energy:\nAn MoU on solar power plants.\n")
    a = run(text)
    assert [f.title for f in a.focus_areas] == ["Energy Cooperation", "Education"]
    assert a.mous[0].focus_areas == ["energy-cooperation"]
    assert "energy" in a.mous[0].topics


def test_the_two_sides_are_the_countries_of_the_visit():
    a = run("President Ana Rivas of Panama paid a state visit to Peru. The two sides signed an agreement "
            "on fisheries, as officials looked on.\n")
    assert len(a.mous) == 1
    assert a.mous[0].parties == ["Peru", "Panama"]
    assert a.mous[0].title == "agreement on fisheries"


def test_two_signings_in_one_sentence_are_two_agreements():
    assert titles("Tallinn-based Baltic Rail signed a freight agreement with Latvia's Daugava Logistics, and "
                  "Nordic Grain Oy signed an MoU with Riga Mills to supply feed barley.\n") == \
        ["Baltic Rail – Daugava Logistics freight agreement", "Nordic Grain Oy – Riga Mills MoU to supply feed barley"]


def test_agreement_joined_to_a_signed_one_is_another_agreement():
    assert titles("Among the texts exchanged were the Andean Energy Charter Accord, signed by the two energy "
                  "ministers, and a memorandum of understanding on seed banks between Bolivia's Ministry of "
                  "Rural Development and Peru's Ministry of Agriculture.\n") == \
        ["Andean Energy Charter Accord", "memorandum of understanding on seed banks"]


def test_purpose_after_a_partner_and_without_its_rate():
    assert titles("Volta Cocoa signed a deal with the Tema port operator to build a cold store.\n") == \
        ["Volta Cocoa – Tema deal on a cold store"]
    assert titles("Sahel Poultry signed an MoU with Niger Feeds to buy 4,000 tonnes of maize a year in Niamey.\n") == \
        ["Sahel Poultry – Niger Feeds MoU to buy 4,000 tonnes of maize"]


def test_one_memorandum_on_several_subjects_stays_one():
    assert titles("Chile and Peru signed a memorandum on ports, customs and rail links.\n") == \
        ["memorandum on ports, customs and rail links"]


def test_passive_signing_then_a_list_with_a_repeated_preposition():
    text = ("Chile and Peru held talks in Lima and then three MoUs were signed, on seismic monitoring, on the "
            "training of customs officers and on cooperation between the two national libraries.\n")
    assert titles(text) == ["MoU on seismic monitoring", "MoU on the training of customs officers",
                            "MoU on cooperation between the two national libraries"]


def test_passive_signing_with_a_covering_list_after_the_verb():
    text = ("Four memoranda were signed at the close of the talks, covering mining, forestry and the "
            "protection of migratory birds, and water.\n")
    assert titles(text) == ["MoU on mining", "MoU on forestry and the protection of migratory birds",
                            "MoU on water"]


def test_a_large_count_over_a_short_list_is_one_bundle():
    a = run("On the sidelines, Bolivian and Chilean firms signed 20 commercial agreements worth $900 million, "
            "covering lithium, salt and freight.\n")
    assert len(a.mous) == 1
    assert a.mous[0].title.endswith("commercial agreements (lithium, salt and freight)")
    assert a.mous[0].value is not None and a.mous[0].value.amount == 900_000_000


def test_enumerated_agreement_keeps_its_noun_and_its_value():
    text = ("Chile and Peru signed four agreements in Lima.\n\n"
            "They include an MoU on seismic monitoring, an agreement for a loan of $40 million for a coastal road, "
            "and an MoU between the Lima Observatory and the Chilean Space Agency on satellite data.\n")
    a = run(text)
    assert [m.title for m in a.mous] == [
        "MoU on seismic monitoring", "Agreement for a loan of $40 million for a coastal road",
        "MoU between the Lima Observatory and the Chilean Space Agency on satellite data"]
    assert a.mous[1].value is not None and a.mous[1].value.amount == 40_000_000


def test_a_count_told_one_by_one_is_not_another_agreement():
    text = ("Chile and Peru signed three agreements on Monday to ease travel and trade.\n\n"
            "The Andean Visa Accord was signed by the interior ministers.\n\n"
            "The Pacific Ports Charter Agreement was signed by the transport ministers.\n")
    assert titles(text) == ["Andean Visa Accord", "Pacific Ports Charter Agreement"]


def test_signed_entries_of_a_deals_list_are_read_as_sentences():
    text = ("Chile and Peru sign energy deals\n\nAmong the company deals:\n\n"
            "- Atacama Solar and Arequipa Power signed a $1.5 billion offtake agreement for green ammonia.\n"
            "- Lima Gas and Andes Pipelines agreed to study a pipeline; no document was signed.\n")
    assert titles(text) == ["Atacama Solar – Arequipa Power offtake agreement for green ammonia"]


def test_a_dateline_is_not_a_signatory():
    a = run("LIMA, Feb 12 (Andina) Chile and Peru on Tuesday signed a customs agreement.\n")
    assert [m.title for m in a.mous] == ["Chile – Peru customs agreement"]


def test_value_between_the_noun_and_the_partner_and_a_cost_phrase():
    a = run("Tromso-based Arctic Cargo signed a contract worth $80 million with the Narvik Port Authority to "
            "build a grain silo.\n")
    assert a.mous[0].title == "Arctic Cargo – Narvik Port Authority contract on a grain silo"
    assert a.mous[0].value is not None and a.mous[0].value.amount == 80_000_000
    b = run("Chile and Peru signed an agreement on a desalination plant, estimated to cost $2 billion.\n")
    assert b.mous[0].title == "agreement on a desalination plant"
    assert b.mous[0].value is not None and b.mous[0].value.amount == 2e9


def test_for_the_purpose_and_a_joined_modifier():
    assert titles("Chile and Peru inked a $90 million deal for the supply of six ferries.\n") == \
        ["deal for the supply of six ferries"]
    assert titles("Chile and Peru signed a fishing and aquaculture arrangement.\n") == \
        ["Chile – Peru fishing and aquaculture arrangement"]


def test_day_words_after_the_purpose_leave_the_title():
    assert titles("Chile and Peru signed a letter of intent on lithium refining on Friday.\n") == \
        ["letter of intent on lithium refining"]


def test_a_description_before_a_company_name_is_not_its_name():
    assert titles("Chilean miner Cobre Andino SA signed a supply agreement with Peruvian smelter Fundicion Sur "
                  "for 5,000 tonnes of ore.\n") == ["Cobre Andino SA – Fundicion Sur supply agreement"]


def test_items_of_a_stated_count_introduced_in_the_next_paragraphs():
    text = ("Chile and Peru signed three agreements on Monday to ease travel, trade and fishing.\n\n"
            "The consular cooperation accord, signed by the two foreign ministers, removes visa fees.\n\n"
            "A coastal fisheries arrangement will let boats from both countries land catches in either port.\n\n"
            "A customs agreement to be signed in June was also discussed.\n")
    assert titles(text) == ["consular cooperation accord", "coastal fisheries arrangement"]


def test_a_value_in_the_next_clause_belongs_to_something_else():
    a = run("Andes Power and Pacific Gas signed a deal on a hydrogen plant, and Lima Works won a contract "
            "worth $5 billion to build a refinery.\n")
    assert a.mous[0].title == "Andes Power – Pacific Gas deal on a hydrogen plant"
    assert a.mous[0].value is None


def test_a_participle_phrase_after_the_purpose_leaves_the_title():
    assert titles("Andes Bank signed a loan agreement with Lima Power to finance new lines connecting three "
                  "wind farms to the grid.\n") == ["Andes Bank – Lima Power loan agreement to finance new lines"]


def test_areas_given_as_examples_are_each_an_agreement_despite_a_large_count():
    text = ("The two presidents witnessed the signing of 12 cooperation documents in areas including mining, "
            "ports, and tourism.\n")
    assert titles(text) == ["MoU on mining", "MoU on ports", "MoU on tourism"]


def test_a_currency_said_twice_is_said_once_in_the_value():
    a = run("The ministers signed an exchange of notes on a ¥12 billion yen loan for a metro line.\n")
    assert a.mous[0].value is not None and a.mous[0].value.text == "¥12 billion"


def test_enumeration_of_other_agreement_nouns_and_areas_of_after_a_passive():
    text = ("Chile and Peru signed 4 cooperation documents in Arica.\n\n"
            "The documents include an agreement on bus transport, a protocol on glacier monitoring, a treaty on "
            "extradition and an arrangement on salmon trade.\n\n"
            "Separately, MoUs were signed in the areas of sport, film, and museums.\n")
    assert titles(text) == ["MoU on sport", "MoU on film", "MoU on museums", "Agreement on bus transport",
                            "Protocol on glacier monitoring", "Treaty on extradition", "Arrangement on salmon trade"]


def test_a_joined_agreement_with_its_own_verb_or_a_discussed_one_is_not_signed():
    assert titles("Chile and Peru signed an MoU on seed banks, and the Andean Water Accord was discussed.\n") == \
        ["MoU on seed banks"]
    text = ("Chile and Peru signed two agreements on Monday to ease trade.\n\n"
            "The coastal shipping agreement was discussed at length.\n")
    assert "coastal shipping agreement" not in titles(text)
