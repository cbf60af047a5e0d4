"""Indonesian political and legal news, end to end (language, segment, actors,
quotes, events) on invented sentences: each case stands for a construction
Detik writes often, reduced to article-level triples (source country, target
country, CAMEO root) as the Indonesian gold sets score them."""

from __future__ import annotations

import pytest
from id_helpers import run_id

from warta.events.evaluate import predicted_triples
from warta.model import Article


@pytest.fixture(scope="module")
def pipeline(coding_pipeline):
    return coding_pipeline


def run(pipeline, text: str) -> Article:
    return run_id(pipeline, text, "test://id/")


def triples(pipeline, text: str) -> set[tuple[str, str, str]]:
    return predicted_triples(run(pipeline, text).events)


DOMESTIC = ("IDN", "IDN")


@pytest.mark.parametrize(("text", "root"), [
    # headlines drop the prefix but keep -kan/-i
    ("Polri Tetapkan Dua Tersangka Kasus Suap Proyek Jalan", "17"),
    ("Menlu Sugiono Kunjungi Kantor Gubernur Jawa Barat", "04"),
    # investigations, searches, seizures
    ("KPK memeriksa tiga saksi dalam kasus suap proyek jalan.", "09"),
    ("Penyidik kejaksaan menggeledah kantor Dinas PUPR.", "17"),
    ("Polisi melakukan penyitaan terhadap aset milik tersangka.", "17"),
    ("Penyidik KPK mendalami keterangan para saksi.", "09"),
    # arrests and naming suspects
    ("Bupati itu terjaring OTT KPK pada Kamis malam.", "17"),
    ("Seorang pengemudi diamankan polisi usai memakai pelat palsu.", "17"),
    ("Polisi mengamankan sopir mobil yang memakai sirene.", "17"),
    ("KPK menetapkan Bupati Sukamaju sebagai tersangka.", "17"),
    ("Jaksa menuntut terdakwa delapan tahun penjara.", "17"),
    ("Polisi meringkus tersangka pencurian di rumahnya.", "17"),
    ("Polisi menggerebek rumah Bupati Sukamaju.", "17"),
    # reports to the police, accusations
    ("Warga melaporkan kepala desa ke polisi atas dugaan penipuan.", "11"),
    # appeals, meetings, cooperation, aid, protests
    ("KPK mendorong kepala daerah menerbitkan surat edaran antikorupsi.", "02"),
    ("Gubernur berkoordinasi dengan Kapolda soal pengamanan pemilu.", "04"),
    ("Kolaborasi Kejaksaan, BPN dan Kemenag Percepat Sertifikat Tanah", "06"),
    ("Pemkot menyalurkan bantuan sembako kepada warga terdampak banjir.", "07"),
    ("Mahasiswa menggelar aksi di depan gedung DPRD.", "14"),
    # a doer noun before a nominal event is its source
    ("Polisi memburu pelaku penganiayaan terhadap seorang sopir.", "18"),
    ("Kepala sekolah mencabuli siswa di ruang kelas.", "18"),
    # sentences, frozen assets, seizures of things an actor owns
    ("Hakim menjatuhkan pidana penjara kepada terdakwa.", "17"),
    ("Penyidik memblokir rekening milik tersangka.", "17"),
    ("Polisi melakukan penyitaan mobil milik tersangka.", "17"),
    # "hingga" joins the items of a list, it opens no clause
    ("Polisi menyita uang, mobil, hingga rumah milik tersangka.", "17"),
    # aid handed out in a place, scholarships; demands handed over; reminders to act
    ("Pemkot menyalurkan bantuan sembako di Kabupaten Bandung.", "07"),
    ("Pemkot Bandung menggelar pasar murah di Kota Bandung.", "07"),
    ("Pemerintah memberikan beasiswa kepada mahasiswa.", "07"),
    ("Sejumlah aktivis menyerahkan tuntutan rakyat ke DPR.", "10"),
    ("Bank Indonesia mengingatkan masyarakat untuk menjaga rupiah.", "02"),
])
def test_domestic_events(pipeline, text, root):
    assert (*DOMESTIC, root) in triples(pipeline, text)


def test_comma_after_a_fronted_phrase_does_not_join_a_pronoun(pipeline):
    text = ("Presiden Prabowo Subianto berbicara soal inflasi. "
            "Dalam sidang kabinet, ia mengapresiasi kinerja Kabinet Merah Putih.")
    assert (*DOMESTIC, "05") in triples(pipeline, text)


def test_securing_a_protest_is_no_arrest(pipeline):
    found = triples(pipeline, "Personel kepolisian mengamankan aksi unjuk rasa mahasiswa.")
    assert not any(root == "17" for _, _, root in found)


def test_informant_before_a_comma_is_not_the_protester(pipeline):
    article = run(pipeline, "Menurut Polda Metro Jaya, aksi unjuk rasa akan digelar di depan "
                            "Gedung DPR.")
    assert not any(e.root == "14" and "COP" in e.source.code for e in article.events)


def test_signing_a_decree_is_no_agreement(pipeline):
    found = triples(pipeline, "Prabowo meneken Peraturan Presiden tentang gaji hakim.")
    assert not any(root == "05" for _, _, root in found)


def test_signing_a_memorandum_is_an_agreement(pipeline):
    text = "Kejaksaan meneken nota kesepahaman dengan Pemprov Bali."
    assert (*DOMESTIC, "05") in triples(pipeline, text)


def test_bare_suffixed_word_needs_a_verb_pattern(pipeline):
    # "Tanahkan" is no verb of any pattern; "Pertemuan" (a noun) is read as written
    assert triples(pipeline, "Polri Tanahkan Kantor Polda") == set()


def test_passive_with_oleh_takes_the_agent_as_source(pipeline):
    article = run(pipeline, "Kantor Bupati Sukamaju digeledah oleh penyidik KPK.")
    (event,) = [e for e in article.events if e.root == "17"]
    assert "COP" in event.source.code and event.target is not None
    assert event.target.code == "IDNGOV"


@pytest.mark.parametrize("text", [
    "KPK belum menahan Bupati Sukamaju.",
    "Polisi tidak menangkap mahasiswa itu.",
    "Polisi batal menahan tersangka.",
])
def test_negated_coercion_is_no_event(pipeline, text):
    assert not any(root == "17" for _, _, root in triples(pipeline, text))


def test_called_off_aid_is_a_refusal(pipeline):
    found = triples(pipeline, "Pemkot urung memberikan bantuan kepada warga.")
    assert (*DOMESTIC, "12") in found and (*DOMESTIC, "07") not in found


def test_tear_gas_on_protesters_is_dispersal_not_an_attack(pipeline):
    found = triples(pipeline, "Polisi menembakkan gas air mata ke arah demonstran.")
    assert (*DOMESTIC, "17") in found and not any(root == "19" for _, _, root in found)


def test_reminding_of_a_thing_is_no_appeal(pipeline):
    found = triples(pipeline, "Ia mengingatkan pentingnya kejujuran dalam pelayanan publik.")
    assert not any(root == "02" for _, _, root in found)


def test_a_scheduled_meeting_is_an_intent(pipeline):
    found = triples(pipeline, "Presiden Prabowo dijadwalkan bertemu Presiden Xi Jinping.")
    assert ("IDN", "CHN", "03") in found and ("IDN", "CHN", "04") not in found


def test_prosecutors_demanding_a_sentence_is_legal_action(pipeline):
    found = triples(pipeline, "Jaksa menuntut lima terdakwa dalam perkara kericuhan itu dengan "
                              "hukuman tiga bulan penjara.")
    assert (*DOMESTIC, "17") in found and (*DOMESTIC, "10") not in found


def events_of(pipeline, text: str):
    return run(pipeline, text).events


def test_a_named_object_right_after_the_verb_keeps_the_phrase_going(pipeline):
    # "menetapkan X sebagai tersangka": the after-phrase passes over the verb's object
    (event,) = events_of(pipeline, "Bareskrim menetapkan Anies Baswedan sebagai tersangka.")
    assert (event.code, event.source.code, event.target.code) == ("173", "IDNCOP", "IDNOPP")


def test_an_agentless_passive_of_investigation_takes_the_body_named_before(pipeline):
    text = ("Penyidik Kejaksaan Agung menggelar perkara korupsi itu pada Senin. "
            "Dua saksi diperiksa secara maraton.")
    (event,) = [e for e in events_of(pipeline, text) if e.sentence == 1 and e.root == "09"]
    assert event.source.code == "IDNCOP" and event.source.sentence == 0
    # no enforcer named anywhere: no invented source
    assert not any(e.root == "09" for e in events_of(pipeline, "Dua saksi diperiksa secara "
                                                               "maraton."))


def test_seizing_a_thing_acts_on_the_sources_own_country(pipeline):
    (event,) = [e for e in events_of(pipeline, "KPK menyita uang tunai dan dua mobil mewah.")
                if e.root == "17"]
    assert event.source.code == "IDNGOV"
    assert (event.target.code, event.target.method) == ("IDN", "implied-domestic")
    assert event.target.confidence < 1


def test_an_untargeted_statement_gets_no_implied_target(pipeline):
    # only appeals, criticism, protest, aid, investigation and coercion imply one
    for e in events_of(pipeline, "Presiden Prabowo memuji kinerja kabinet."):
        assert e.target is None or e.target.method != "implied-domestic"


def test_begging_pardon_is_an_apology_not_an_appeal(pipeline):
    # "memohon maaf" is coded like "meminta maaf" (055), not as the appeal of "memohon"
    assert triples(pipeline, "Tersangka itu memohon maaf kepada masyarakat.") == \
        {(*DOMESTIC, "05")}
    assert triples(pipeline, "Bupati memohon dukungan DPRD untuk program itu.") == \
        {(*DOMESTIC, "02")}


def test_reporting_a_person_is_a_complaint(pipeline):
    # "melaporkan" + an actor right after it is a complaint against that actor (115);
    # reporting a thing or a fact stays uncoded
    assert triples(pipeline, "Warga melaporkan Kapolsek itu ke Propam.") == {(*DOMESTIC, "11")}
    assert triples(pipeline, "Warga melaporkan seorang pejabat desa atas dugaan pungli.") \
        == {(*DOMESTIC, "11")}
    assert not triples(pipeline, "Kementerian Keuangan melaporkan realisasi anggaran.")


def test_actors_joined_by_bersama_act_together(pipeline):
    # "X bersama Y" joins two actors like "dan": both agree, each with the other
    events = events_of(pipeline, "Komisi III DPR bersama pemerintah menyepakati revisi "
                                 "undang-undang itu.")
    assert {(e.source.code, e.target.code) for e in events if e.root == "03"} == \
        {("IDNLEG", "IDNGOV"), ("IDNGOV", "IDNLEG")}
    # after a verb "bersama" still names the other party of a meeting
    assert triples(pipeline, "Presiden bertemu bersama para menteri di Istana.") == \
        {(*DOMESTIC, "04")}


def test_untargeted_appeals_and_criticism_act_at_home(pipeline):
    # an appeal or a criticism whose addressee is no actor ("jajarannya", "keputusan
    # itu") acts on the source's own country, like aid, investigation and coercion
    assert triples(pipeline, "Ketua DPRD meminta jajarannya bekerja jujur.") == \
        {(*DOMESTIC, "02")}
    assert triples(pipeline, "Koalisi Anti Korupsi mengecam keras keputusan itu.") == \
        {(*DOMESTIC, "11")}


@pytest.mark.parametrize("text", [
    # aid named before a passive verb, and the nominal of handing it out
    "Bantuan sembako diberikan Pemkot Bandung kepada warga terdampak.",
    "Penyaluran bansos oleh Kementerian Sosial dimulai hari ini di Bandung.",
])
def test_passive_and_nominal_aid_is_coded(pipeline, text):
    assert triples(pipeline, text) == {(*DOMESTIC, "07")}


def test_an_embassy_named_with_its_city_acts_for_its_country(pipeline):
    assert triples(pipeline, "KBRI Phnom Penh meminta pemerintah Kamboja membebaskan WNI.") \
        == {("IDN", "KHM", "02")}


def test_a_headline_clause_after_a_comma_has_its_own_subject(pipeline):
    # "… di Depan Gedung DPR, Polisi Tangkap …": the police arrest, not the students
    events = events_of(pipeline, "Mahasiswa Berunjuk Rasa di Depan Gedung DPR, "
                                 "Polisi Tangkap 20 Orang")
    arrests = [e for e in events if e.root == "17"]
    assert arrests and all(e.source.code == "IDNCOP" for e in arrests)
