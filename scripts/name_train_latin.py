#!/usr/bin/env python3
"""English and Roman-Urdu training text for the name tagger, in many sentence shapes.

Called from scripts/gen_name_train.py (the Latin part of the training stories); run alone it
writes the *tuning* part: templates that never train, filled with the development people of
data/names/heldout/ (allowed for tuning, never for training), to measure the tagger on
sentence shapes it has not seen:

    python3 scripts/name_train_latin.py --tuning --seed 5 > /tmp/latin-tune.jsonl
    cargo run --release -p naqsha-core --example pii_eval -- --generated /tmp/latin-tune.jsonl

Templates are written here by hand: WhatsApp messages and chat exports, complaints to the
FIA, first- and third-person accounts, dialogue, lists of people, signatures, forms, names
at the start of a sentence and before Roman-Urdu particles (ne, ko, ki, ka, se, wali) and
honorifics (sahab, bhai, baji, apa), with surnames and castes of data/names/name-parts.txt,
nicknames, lower-case and ALL-CAPS writing and code-switching. Negative templates put
capitalised words that are no names (laws and agencies of data/redaction/never-names.txt,
cities, months, brands, platforms) and Roman-Urdu words that are also given names (noor,
sabr, umeed, kiran) where a name could stand.

In a template, {P} is a person (its span is a name), {G} a given name alone, {L} a law or
agency, {C} a city, {M} a month, {B} a brand or platform, {K}/{k} a people or caste of
name-parts.txt's [common] section (capitalised or not), {W} an ordinary word that is also
a name, {V} an ordinary Roman-Urdu word or verb form, {N} a number. Every fifth template
of each list, and those of TUNE_ONLY_*, are tuning templates; TUNE_CLEAN_* are tuning texts
without personal data.
"""
import argparse
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def words(*parts):
    with open(os.path.join(ROOT, "data", *parts), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def common_parts():
    """The [common] section of name-parts.txt: peoples, castes and ordinary words (Baloch,
    Rajput, malik) that are part of a name only beside one."""
    out, on = [], False
    for w in words("names", "name-parts.txt"):
        if w.startswith("["):
            on = w == "[common]"
        elif on and w.isascii() and w.isalpha():
            out.append(w)
    return out


def name_parts():
    """Latin surnames, castes and titles of name-parts.txt (both sections)."""
    return [w for w in words("names", "name-parts.txt")
            if not w.startswith("[") and w.isascii() and w.isalpha()]


CITIES = ["Lahore", "Karachi", "Islamabad", "Rawalpindi", "Faisalabad", "Multan", "Peshawar",
          "Quetta", "Sialkot", "Gujranwala", "Hyderabad", "Bahawalpur", "Sukkur", "Mardan",
          "Abbottabad", "Larkana", "Jhelum", "Sahiwal", "Gujrat", "Swat", "Mirpur", "Gilgit"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December", "Ramzan", "Muharram", "Eid"]
BRANDS = ["WhatsApp", "Facebook", "Instagram", "TikTok", "Snapchat", "YouTube", "Telegram",
          "Twitter", "Jazz", "Telenor", "Zong", "Ufone", "JazzCash", "Easypaisa", "Daraz",
          "Careem", "Bykea", "Foodpanda", "Meezan Bank", "HBL", "Google", "Gmail", "Imo",
          "Signal", "Messenger", "Truecaller"]
# Roman-Urdu words that are also given names (or look like them), in their ordinary sense.
ORDINARY = ["noor", "sabr", "umeed", "khushi", "kiran", "sahar", "saba", "aman", "insaf",
            "dua", "wafa", "naseeb", "qismat", "roshni", "bahar", "izzat", "haya", "imaan",
            "sitara", "chand", "jannat", "mehr", "pari", "shaan", "raaz", "zindagi", "barkat",
            "rehmat", "azadi", "madad", "sach", "haq", "dil", "jaan", "yaar", "sona", "raja"]

# Ordinary Roman-Urdu words (nouns, verbs, adjectives) for the {V} slots of negative text,
# so the tagger meets many lower-case words that are no names.
VOCAB = """
dukaan kharcha mutalba ijazat tashaddud shikayat darkhwast faisla tareekh peshi adalat
wakeel thana daftar naukri tankhwah kiraya makan kamra darwaza khirki chhat deewar sarak
bazaar masjid school college hostel gaari rickshaw bus mobile charger sim camera tasveer
video awaaz paigham khat kagaz saboot gawah jurmana saza qanoon hukumat idara afsar sipahi
mulazim mazdoor kisan dukandar darzi naai doodhwala chowkidar padosi rishtedar sasural
maika jahez mehr nikah talaq khula mangni rishta shaadi walima mehndi baraat dawat khana
roti chawal chai paani doodh sabzi gosht phal mithai dawai ilaj hakeem daaktar hospital
bimari bukhar dard zakhm khoon aansu ghussa dar khauf sharam ghairat ruswai badnami dhoka
jhoot sachai wada qasam dushmani dosti mohabbat nafrat hasad jalan shak bharosa yaqeen
cheen chura maar peet gaali dhamki blackmail pareshani museebat takleef mushkil hal rasta
kaam parhai imtihan nateeja kitaab qalam bag joota kapray dupatta chadar burqa libas
subah dopahar shaam raat hafta mahina saal din waqt ghanta minute lamha mauqa
chalna bolna sunna dekhna likhna parhna sona jagna rona hansna darna bhagna rukna
bhejna mangna dena lena chhorna pakarna marna bachana chupana batana samjhana manana
jari band shuru khatam mukammal adhoora naya purana bara chhota lamba acha bura ganda
saaf ameer ghareeb akela pareshan majboor bebas khamosh naraz khush udaas thaka bemaar
""".split()
# Roman-Urdu verbs in their common endings (chal: chalna, chalne, chalta, chalti …) and
# pronouns, postpositions and adverbs that no stop list holds.
VERB_STEMS = """
chal aa ja kar de le rakh bol sun dekh likh parh soch samajh mil bhej maang chhor pakar
bach chup bata roo hans dar bhaag ruk beth uth so jaag khol band ghoom phir laut pahunch
kama bana mita chala dikha sikha bula utha gira maar peet dhoond pooch jeet haar bhool
yaad tod jod bech khareed pehen dho kaat pila khila suna jala bujha chhupa nikal daal
""".split()
ENDINGS = ["na", "ne", "ni", "ta", "ti", "te", "o", "ein", "oon", "ega", "egi", "enge",
           "kar", "ke", "a", "i", "e", "iye", "ne wala", "ne wali", "ne walon"]
FUNCTION = """
usay usey use unhein inhein inhon unhon jinhon jise jis jin kisi kise kinhon isi usi wahi
yahi aise waise jaise kaise kitna kitni jitna utna jahan kahin kabhi abhi tabhi sabhi
sirf bilkul zaroor shayad halanke balke isliye chunanche taake warna yaani mutabiq baghair
siwaye alawa ilawa darmiyan samne peeche aage neeche upar andar bahar qareeb door sath
hamesha aksar jaldi dheere zara thora bohot kaafi itna utni zyada tar mostly
""".split()
FORMS = [v + e for v in VERB_STEMS for e in ENDINGS] + FUNCTION

# --- English templates -----------------------------------------------------------------
EN = [
    "{P} keeps sending me messages from new numbers every night.",
    "My name is {P}, I am 22 and I live in {C}.",
    "Hi, this is {P}. I want to report a fake account on {B}.",
    "I am writing on behalf of my friend {P}, who is too scared to write herself.",
    "Yesterday {P} came to my college gate and shouted at me in front of everyone.",
    "According to {P}, the pictures were taken without her consent.",
    "\"Delete them or I will tell your father,\" {P} told me on the phone.",
    "\"Please stop,\" I wrote to {P}, but he kept calling.",
    "The people involved are {P}, {P} and {P}.",
    "Accused: {P}\nComplainant: {P}\nCity: {C}",
    "Complaint against {P} son of {P}, resident of {C}.",
    "I, {P} d/o {P}, state that my photos were stolen.",
    "Regards,\n{P}",
    "Thank you for listening. {P}",
    "My cousin {P} and her husband {P} are threatening my family.",
    "It was {P} who hacked my email, not {G}.",
    "{G} said that {P} has my videos.",
    "When I refused, {P} posted my number in a group of 300 men.",
    "I told my teacher Ms. {P} and she informed the principal.",
    "Dr. {P} at the clinic laughed at me when I asked for help.",
    "Sir, {P} from our office is sending me vulgar messages on {B}.",
    "My ex {G} created a page with my name and my sister {G} saw it first.",
    "{P}'s brother also joined in and started calling my mother.",
    "i dont know what to do, {P} says he will leak everything tomorrow",
    "Last week a man called {P} added me to a {B} group.",
    "Both {P} and {P} were named in the FIR filed in {M}.",
    "He calls himself {G} online but his real name is {P}.",
    "I met {P} at a wedding in {C} and since then he follows me.",
    "Can someone help my sister {G}? A boy named {P} is blackmailing her.",
    "{P}, my former colleague, shared my CNIC picture with strangers.",
    "The man, {P}, works at a shop near the main market.",
    "We are three sisters: {G}, {G} and me.",
    "My husband's friend {P} keeps asking me to meet him alone.",
    "Please call me, not {G}. My brother {P} must not know.",
    "{P} (my neighbour) recorded me from his roof.",
    "UPDATE: {P} has now made a second account.",
    "forwarded by {P}: this girl's pictures are everywhere",
    "I reported {P} to {L} in {M} and they have not replied.",
    "Ask {G} about it, she was there when {P} took my phone.",
    "Good evening, I am {P}'s mother and I am writing because she cannot.",
]

# --- Roman-Urdu templates -------------------------------------------------------------
ROMAN = [
    "meri dost {P} ne mujhe bataya ke us ki tasveerein {B} par lagi hain.",
    "{P} ne mujhe {B} par dhamki di ke video viral kar dega.",
    "mera naam {P} hai aur main {C} se hoon.",
    "Assalam o alaikum, main {P} bol rahi hoon.",
    "{P} ko maine block kiya lekin woh naye number se call karta hai.",
    "meri behen {P} ki shaadi {M} mein hai aur {P} us ko tang kar raha hai.",
    "{P} ka kehna hai ke us ke paas meri pictures hain.",
    "maine {P} se kaha ke mujhe chor do, magar woh nahi mana.",
    "{P} sahab hamare mohalle mein rehte hain aur roz peecha karte hain.",
    "{P} bhai ne meri ammi ko sab kuch bata diya.",
    "{G} baji ne kaha FIA mein complaint karo.",
    "{G} apa ko us ne {B} par message kiya.",
    "woh {P} wali baat sach thi, us ne meri id hack ki.",
    "{P} sahiba hamari teacher hain aur unhon ne madad ki.",
    "kal raat {P} aur {P} ghar ke bahar khare the.",
    "mere shohar {P} ke dost {P} ne meri tasveer li.",
    "meri cousin {P} ke sath yeh sab hua.",
    "bhai {P} ko mat batana please",
    "{G} ko pata hai ke {P} kaun hai.",
    "us larke ka naam {P} hai, {C} ka rehne wala hai.",
    "yaar {G}, {P} phir se message kar raha hai.",
    "{P}: kal milte hain college mein\n{P}: theek hai",
    "mere saath kaam karne wala {P} mujhe har roz ganday message bhejta hai.",
    "humare gaon ka {P} sab ko meri baatein batata hai.",
    "ami ne kaha {P} se door raho.",
    "{P} ki ammi ne bhi mujhe dhamki di.",
    "maine {P} ki shikayat {L} ko ki thi.",
    "{P} se meri mangni hui thi, ab woh blackmail kar raha hai.",
    "{G} ne kaha tha woh {M} tak ruk jayega.",
    "meri saheli {P} aur main ek hi hostel mein rehti hain.",
    "{P} naam ka banda mujhe {B} pe follow karta hai.",
    "jab maine mana kiya to {P} ne meri pics group mein daal di.",
    "mera bhai {P} kehta hai police ke paas mat jao.",
    "{P} uncle ne meri video banayi thi.",
    "hamare boss {P} ka rawaiya theek nahi.",
    "main aur {P} ek hi class mein parhte the.",
    "please {P} ko samjhao ke yeh jurm hai.",
    "{P} ke khilaf FIR darj karwani hai.",
    "{P}, {P} aur {P} teeno us group mein the.",
    "sir mera naam {P} hai, {P} ne meri fake id banayi hai.",
    "unka naam {P} hai aur woh {C} mein rehte hain.",
    "meri nand {P} ne yeh sab shuru kiya.",
    "{G} k bhai ne pics leak ki hain",
    "{P} ka number mere paas hai magar main call nahi karungi.",
    "I told {P} ke mujhe aur tang na kare, but he didn't listen.",
    "my cousin {P} ne meri chat screenshot kar ke sab ko bhej di.",
    "{P} is still messaging me, pata nahi kya karun.",
    "main ne {G} ko sab bata diya tha.",
    "hamari padosan {P} ne FIA ko call kiya.",
    "{P} se pooch lo, usay sab pata hai.",
]

# --- negatives: no person in them ----------------------------------------------------
NEG_EN = [
    "I filed a complaint under the {L} in {M}.",
    "The {L} office in {C} told me to come back on Monday.",
    "{B} removed the fake profile after {N} days.",
    "In {M} the messages started again from a {B} number.",
    "The {L} says online harassment is a crime.",
    "{C} police refused to register my case.",
    "I moved to {C} with my mother after the {L} hearing.",
    "Sabr and hope are all I have left.",
    "Justice delayed is justice denied, as everyone in {C} says.",
    "Victims can call the {L} helpline or write to {B}.",
    "Under Section {N} of the {L}, sharing such pictures is an offence.",
    "Mark the date: {N} {M}, the hearing in {C}.",
    "My phone is a {B} and the SIM is from {B}.",
    "The {L} and the {L} both ignored our letters.",
    "Grace period for the fine ended in {M}.",
    "Rose petals and a threat were left at our door.",
    "Noor Mahal in Bahawalpur was closed that day.",
    "Please forward this to the {L} and the {L}.",
    "Dear Sir, I want to report an account on {B}.",
    "Everyone in {C} uses {B} now.",
    "{K} women activists in {C} are harassed online.",
    "The {K} community of {C} held a meeting about the case.",
    "Many {K} families in {C} do not let girls use phones.",
    "A {K} elder told the police to stay out of it.",
    "Honestly I did not expect anyone to answer.",
    "Kindly treat this message as confidential.",
    "Respected Sir, this is about a case in {C}.",
    "Unfortunately the number is still active.",
    "Sincerely, a worried mother.",
    "Attached are the screenshots from {M}.",
    "Nobody believed me at first.",
    "Thanks to the helpline, the account is gone.",
    "Every night the calls start after ten.",
    "Last Friday the group admin removed the post.",
    "Whoever is behind this knows my routine.",
    "Stay strong, sister, you are not alone.",
]

NEG_ROMAN = [
    "maine {L} mein complaint ki thi magar jawab nahi aaya.",
    "{B} walon ne {N} din baad account band kiya.",
    "{M} mein yeh sab shuru hua tha.",
    "{C} mein koi madad nahi karta.",
    "bas {W} rakho, sab theek ho jayega.",
    "us ne kaha {W} ki baat mat karo.",
    "zindagi mein {W} bohat zaroori hai.",
    "meri ammi kehti hain {W} se kaam lo.",
    "{L} wale kehte hain {M} ke baad aana.",
    "aaj {W} ka din hai, kal {C} jana hai.",
    "{W} aur {W} ki baatein sab karte hain, madad koi nahi karta.",
    "mujhe {B} par {N} messages aaye.",
    "{L} ke tehat yeh jurm hai.",
    "{C} se {C} tak woh peecha karta raha.",
    "thori si {W} hoti to aisa na hota.",
    "humein {W} chahiye, aur kuch nahi.",
    "{B} pe report karo aur {L} ko likho.",
    "ghar walon ko pata chal gaya to {W} khatam ho jayegi.",
    "{M} ki {N} tareekh ko court mein peshi hai.",
    "ab {W} ki koi umeed nahi rahi.",
    "thora sabar karo, kal tak jawab aa jayega.",
    "usay kuch nahi pata, woh bas darta hai.",
    "larke wale roz ghar aa kar shor machate hain.",
    "ami abbu ko abhi tak kuch nahi bataya.",
    "bas karo yaar, bohat ho gaya.",
    "pehle to mujhe laga mazaq hai, phir dar lagne laga.",
    "kisi ko mat batana, warna masla ban jayega.",
    "shukriya, aap ki madad se hausla mila.",
    "mujhe samajh nahi aa raha kya karun.",
    "khala ne kaha thane jao, chacha ne mana kar diya.",
    "dobara message aaya to screenshot le lena.",
    "naya sim lena par gaya, purana band kar diya.",
    "bilkul theek hoon, bas neend nahi aati.",
    "tasalli rakho, wakeel sahab kal baat karenge.",
    "hamari gali mein sab log baatein karte hain.",
    "saari raat roti rahi, subah college nahi gayi.",
    "jaldi karo, warna woh sab delete kar dega.",
    "mamoon aur phuppo dono naraz hain.",
    "shadi ke baad bhi yeh silsila chalta raha.",
    "inhon ne kaha darkhwast likh kar do.",
    "uss din ke baad se main chup rehti hoon.",
    "dekho, tum akeli nahi ho.",
    "acha suno, kal dafter mein milna.",
    "wese to sab theek tha, phir achanak sab badal gaya.",
    "bechari ki koi sunta hi nahi.",
    "kabhi kabhi lagta hai ghar chor doon.",
    "zara sochiye, agar aap ki beti ke saath hota.",
    "haan ji, main ne report kar di hai.",
    "chalo theek hai, kal dekhte hain.",
    "ghar ka malik roz kiraya mangne aata hai.",
    "dukaan ka malik bhi us ka saath deta hai.",
    "makan malik ne {V} ka kaha.",
    "us ne mera {V} cheen liya.",
    "{V} ki wajah se sab {V} hain.",
    "{V} kar ke bhi kuch nahi bana.",
    "mujhe {V} aur {V} dono chahiye.",
    "{V} ka masla abhi tak hal nahi hua.",
    "unhon ne {V} ko {V} samjha.",
    "{V} se pehle {V} zaroori hai.",
    "har {V} mein {V} hota hai.",
    "woh {V} ho gaya aur main {V} rahi.",
    "{V} wale bhi {V} nahi karte.",
    "{V} ne sab kuch {V} kar diya.",
    "{V} ko mat {V}, warna {V} hoga.",
    "bina wajah woh roz gali mein khara rehta hai.",
    "us ne bina poochay meri video upload kar di.",
    "bina saboot ke police kuch nahi karti.",
    "mujhe bohat dar lagta hai, raat ko neend nahi aati.",
    "isi dar se main ne kisi ko nahi bataya.",
    "kai din se call aa rahi hai, kai dafa number badla.",
    "case abhi jari hai aur agli peshi {M} mein hai.",
    "tafteesh abhi tak mukammal nahi hui.",
    "mujhe wahan jana tha magar ghar walon ne jane nahi diya.",
    "is masle ka hal kisi ke paas nahi.",
    "saara din phone band rakha, phir bhi messages aate rahe.",
    "hamein insaf dena adalat ka kaam hai.",
    "pichle saal bhi yehi hua tha, kuch nahi badla.",
    "thora intezar karo, jawab zaroor aayega.",
    "main kuch din apni khala ke ghar rahi.",
    "dar ke maare main ne apna account delete kar diya.",
    "woh kehta hai sab ko bata dega, mujhe dar hai.",
    "jari karne wale idare ne koi notice nahi diya.",
    "sunwai karne walon ne bhi meri baat nahi suni.",
    "bina ijazat kisi ki tasveer lagana jurm hai.",
    "{k} biradari ke log bhi jama ho gaye.",
    "hamare ilaqe ke {k} log bohat sakht hain.",
    "{K} auraton ko bhi online dhamkiyan milti hain.",
]

# Used only by tuning: shapes never trained on.
TUNE_ONLY_EN = [
    "Screenshot attached. The account belongs to {P}, I am sure of it.",
    "Subject: harassment by {P}\n\nRespected madam, I am {P} from {C}.",
]
TUNE_ONLY_ROMAN = [
    "{P} nam ka aik larka roz mere ghar ke samne khara hota hai.",
    "meri beti {P} school jati hai to {P} us ka peecha karta hai.",
]


# Shares of Roman-Urdu names typed in lower case, and of messages typed wholly in lower
# case. 0.45 and 0.3 found more names on the tuning part at the same decision offset, but
# took many more lower-case words for names (qaim, muntazimeen), so fewer names at the
# same false redactions.
ROMAN_LOWER = 0.2
ROMAN_WHOLE_LOWER = 0.1

# Tuning only: survivors' accounts without any personal data, written here by hand, on
# which the Latin decision offset of the tagger must not redact more than the rules do.
TUNE_CLEAN_EN = [
    "Two years ago my engagement was broken off and since then the boy's family has been sending my pictures to my relatives.",
    'My father is very strict, and if he finds out he will stop my studies. That is why I have not told anyone at home.',
    'Last night another unknown number called me. When I did not pick up, he sent a voice note full of abuse.',
    'The women in our neighbourhood gossip and nobody stands with me. My mother says keep quiet, it is a matter of honour.',
    'I submitted an application to the cyber crime wing three months ago and have heard nothing. The police station says it is not their job.',
    'My manager at the office sends strange messages late at night. I cannot leave the job because I support my household.',
    'There is a fake account with an old photo of me, and people think it is really me. Reporting it did nothing.',
    'The helpline gave me courage. They told me to keep the screenshots safe and change my passwords.',
    'Today was the court date but the other party did not come. The judge gave a new date and nobody knows when the decision will come.',
    'Even writing this my hands are shaking, but I want no other girl to go through this.',
]
TUNE_CLEAN_ROMAN = [
    'Senate ki qaima committee ne online harassment ke qanoon mein tarmeem ki sifarish ki hai. Committee ke mutabiq pichle saal shikayaton mein izafa hua.',
    'Punjab Assembly mein aaj khawateen ke tahaffuz ka bill pesh kiya gaya. Opposition ne bill ki mukhalifat nahi ki, lekin kuch shuqooq ka izhar kiya.',
    'Sindh hukumat ne elaan kiya hai ke har zile mein khawateen ke liye khusoosi desk qaim kiye jayenge. Yeh desk subah nau baje se shaam paanch baje tak khule rahenge.',
    'Aurat March ke muntazimeen ka kehna hai ke social media par unhein musalsal dhamkiyan mil rahi hain. Unhon ne hukumat se hifazat ka mutalba kiya.',
    'Eid ul Fitr ke baad cyber crime ki shikayaton mein achanak izafa dekha gaya. Mahireen ke mutabiq chhuttiyon mein log zyada waqt online guzarte hain.',
    'Karachi Press Club ke bahar sahafiyon ne ehtijaj kiya. Unka kehna tha ke khatoon sahafiyon ko online nishana banaya ja raha hai.',
    'Wazir e Aala ne police ko hidayat di ke har shikayat par chaubees ghante mein karwai ki jaye. Is hidayat par amal kitna hota hai, yeh waqt batayega.',
    'Ramzan mein bhi yeh silsila nahi ruka. Roza khol kar phone dekha to phir wahi ganday message the.',
    'Mulk bhar mein internet ki bandish ki wajah se shikayat darj karwana mushkil ho gaya. Kai ilaqon mein mobile service teen din band rahi.',
    'Supreme Court ne apne faisle mein kaha ke kisi ki nijji tasveer bina ijazat share karna us ki izzat par hamla hai. Adalat ne wafaqi hukumat se jawab talab kiya.',
    'Balochistan aur Khyber Pakhtunkhwa ke door daraz ilaqon mein larkiyon ko internet tak rasai hi mushkil se milti hai. Wahan shikayat ka koi nizam maujood nahi.',
    'Hamari tanzeem ne pichle mahine do sau se zyada khawateen ko qanooni madad faraham ki. In mein se aksar ko blackmail ka samna tha.',
    'Jamia Punjab ki talibaat ne hostel mein khufia camera lagne ki shikayat ki. Intezamia ne tehqeeqat ka hukum de diya hai.',
    'Kuch log kehte hain ke larkiyon ko phone hi nahi dena chahiye. Yeh soch masle ka hal nahi balke masla khud hai.',
    'Naya qanoon ban gaya magar us par amal daramad ke liye ab tak qawaid nahi banaye gaye. Ye kaam Wazarat e Qanoon ke zimme hai.',
    'Assalam o alaikum, main aap ko apni kahani sunana chahti hoon. Do saal pehle meri mangni hui thi aur mangni tootne ke baad larke ne meri tasveerein mere rishtedaron ko bhejna shuru kar din.',
    'Mere abbu bohat sakht hain, agar unhein pata chala to woh meri parhai band karwa denge. Isi dar se main ne kisi ko nahi bataya.',
    'Kal raat phir se anjaan number se call aayi. Main ne uthaya nahi to us ne voice note bheja jis mein gaaliyan thin.',
    'Hamare mohalle ki auratein baatein banati hain, koi saath nahi deta. Ammi kehti hain chup raho, izzat ka sawal hai.',
    'FIA ke cyber crime wing mein darkhwast di thi, teen mahine ho gaye, abhi tak koi jawab nahi aaya. Thane wale kehte hain yeh hamara kaam nahi.',
    'Meri nani ne kaha dua karo, sab theek ho jayega, magar sirf dua se kaam nahi chalta. Wakeel ki fees bohat zyada hai.',
    'Office mein mere manager roz ajeeb se messages bhejte hain, raat ko bhi. Naukri chorna nahi chahti kyunki ghar ka kharcha main hi chalati hoon.',
    'Us ne dhamki di ke agar main ne shikayat ki to woh meri chhoti behen ko bhi nishana banayega. Main bohat pareshan hoon, neend nahi aati.',
    'Ek fake account bana hua hai jis par meri purani tasveer lagi hai aur log samajhte hain woh main hoon. Report karne par bhi account band nahi hua.',
    'Hum gaon se sheher aaye the taake bachon ki taleem ho sake. Ab yahan bhi yeh masla shuru ho gaya hai.',
    'Mujhe samajh nahi aata ke kis par bharosa karun. Dost bhi ab door door rehte hain, sab ko lagta hai ghalti meri hai.',
    'Helpline par baat karke thora hausla mila. Unhon ne bataya ke screenshots sambhal kar rakho aur password badal do.',
    'Shohar ke ghar walon ne mera phone cheen liya aur kaha ke ab bahar jane ki zaroorat nahi. Maike walon se baat bhi band karwa di.',
    'Aaj adalat mein peshi thi magar dusri party aayi hi nahi. Jaj sahab ne agli tareekh de di, pata nahi kab faisla hoga.',
    'Yeh sab likhte hue bhi haath kaanp rahe hain, lekin main chahti hoon ke kisi aur larki ke saath aisa na ho.',
]


# How often the tuning part fills each of its templates without people.
TUNING_FILLS = 3


def is_tuning(i):
    return i % 5 == 4


class Story:
    def __init__(self):
        self.text, self.spans = "", []

    def add(self, text, name=False):
        if name:
            self.spans.append({"start": len(self.text), "end": len(self.text) + len(text),
                               "kind": "name"})
        self.text += text


class People:
    """Draws people; `given`, `family` are lowercase name lists."""

    def __init__(self, given, family, parts, laws):
        self.given, self.family, self.parts, self.laws = given, family, parts, laws

    def given_name(self, r):
        return r.choice(self.given)

    def person(self, r):
        g = self.given_name(r)
        k = r.random()
        if k < 0.35:
            return g
        if k < 0.65:
            return f"{g} {r.choice(self.family)}"
        if k < 0.75:
            return f"{g} {r.choice(self.parts)}"
        if k < 0.80:
            return f"{r.choice(self.parts)} {g}"
        if k < 0.90:
            return f"{g} {self.given_name(r)}"
        if k < 0.95:
            return f"{g} {self.given_name(r)} {r.choice(self.family)}"
        return nickname(r, g)


def nickname(r, g):
    """A pet form of a given name as people type it (Sadia → Sadu, Bilal → Billu)."""
    stem = g[:3] if len(g) > 3 else g
    return r.choice([stem + "u", stem + "i", stem + "o", stem + stem[-1] + "u"])


def cased(r, name, lower_share):
    x = r.random()
    if x < lower_share:
        return name.lower()
    if x < lower_share + 0.05:
        return name.upper()
    return " ".join(w.capitalize() for w in name.split(" "))


COMMON_PARTS = common_parts()


def fill(r, template, people, lower_share, whole_lower):
    s = Story()
    for piece in re.split(r"(\{[A-Za-z]\})", template):
        if piece == "{P}":
            s.add(cased(r, people.person(r), lower_share), True)
        elif piece == "{G}":
            s.add(cased(r, people.given_name(r), lower_share), True)
        elif piece == "{L}":
            s.add(r.choice(people.laws))
        elif piece == "{C}":
            s.add(r.choice(CITIES))
        elif piece == "{M}":
            s.add(r.choice(MONTHS))
        elif piece == "{B}":
            s.add(r.choice(BRANDS))
        elif piece == "{W}":
            s.add(r.choice(ORDINARY))
        elif piece in ("{K}", "{k}"):
            k = r.choice(COMMON_PARTS)
            s.add(k.capitalize() if piece == "{K}" else k)
        elif piece == "{V}":
            s.add(r.choice(VOCAB if r.random() < 0.5 else FORMS))
        elif piece == "{N}":
            s.add(str(r.randint(2, 500)))
        else:
            s.add(piece)
    text = s.text
    if whole_lower:
        text = text.lower()
    elif text and text[0].islower() and r.random() < 0.5:
        text = text[0].upper() + text[1:]
    return text, s.spans


def laws():
    """Never-names in Latin script (laws, agencies, platforms)."""
    return [w for w in words("redaction", "never-names.txt")
            if w.isascii() and not w.startswith("[")]


def ordinary_words():
    """Words this file and the stop and ambiguity lists use as ordinary words (jari, kai,
    dar, bina are also in the name lists): people are not drawn from them, so the tagger
    does not learn "jari ne" as a name and "case jari hai" as none."""
    words_here = set(VOCAB) | set(ORDINARY)
    words_here |= {w for f in FORMS for w in f.split()}
    for t in EN + ROMAN + NEG_EN + NEG_ROMAN + TUNE_CLEAN_EN + TUNE_CLEAN_ROMAN:
        words_here |= set(re.findall(r"[a-z]+", re.sub(r"\{[A-Za-z]\}", " ", t).lower()))
    return (words_here | set(words("redaction", "latin-stop.txt"))
            | set(words("names", "ambiguous.txt")))


def stories(r, given, family, tuning, count, neutral):
    """JSON-ready items: `count` stories per writing and `neutral` PII-free texts (in the
    tuning part, TUNING_FILLS per negative template and the hand-written TUNE_CLEAN_*)."""
    plain = ordinary_words()
    given = [g for g in given if g not in plain]
    family = [f for f in family if f not in plain]
    people = People(given, family, name_parts(), laws())
    out = []
    for lang, tpls, extra, lower_share in (("en", EN, TUNE_ONLY_EN, 0.15),
                                           ("roman", ROMAN, TUNE_ONLY_ROMAN, ROMAN_LOWER)):
        pool = [t for i, t in enumerate(tpls) if is_tuning(i) == tuning]
        if tuning:
            pool += extra
        for _ in range(count):
            parts = [r.choice(pool)]
            if r.random() < 0.4:
                parts.append(r.choice(pool))
            texts, spans, at = [], [], 0
            whole_lower = lang == "roman" and r.random() < ROMAN_WHOLE_LOWER
            for t in parts:
                text, sp = fill(r, t, people, lower_share, whole_lower)
                spans += [{**x, "start": x["start"] + at, "end": x["end"] + at} for x in sp]
                texts.append(text)
                at += len(text) + 1
            if r.random() < 0.4:
                # ordinary words beside the names, in the same text
                neg = [t for i, t in enumerate(NEG_EN if lang == "en" else NEG_ROMAN)
                       if is_tuning(i) == tuning]
                texts.append(fill(r, r.choice(neg), people, 0, whole_lower)[0])
            out.append({"lang": lang, "pii_free": False, "text": " ".join(texts), "spans": spans})
    for lang, tpls in (("en", NEG_EN), ("roman", NEG_ROMAN)):
        pool = [t for i, t in enumerate(tpls) if is_tuning(i) == tuning]
        if tuning:
            # each template as often as the others, so that one word taken for a name
            # does not count a hundredfold
            for t in pool:
                for _ in range(TUNING_FILLS):
                    whole_lower = lang == "roman" and r.random() < ROMAN_WHOLE_LOWER
                    text = fill(r, t, people, 0, whole_lower)[0]
                    out.append({"lang": lang, "pii_free": True, "text": text, "spans": []})
            continue
        for _ in range(neutral):
            whole_lower = lang == "roman" and r.random() < ROMAN_WHOLE_LOWER
            text = " ".join(fill(r, t, people, 0, whole_lower)[0] for t in r.sample(pool, 3))
            out.append({"lang": lang, "pii_free": True, "text": text, "spans": []})
    if tuning:
        for lang, texts in (("en", TUNE_CLEAN_EN), ("roman", TUNE_CLEAN_ROMAN)):
            out += [{"lang": lang, "pii_free": True, "text": t, "spans": []} for t in texts]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tuning", action="store_true", help="the tuning part (development people)")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--stories", type=int, default=300, help="stories per writing")
    args = ap.parse_args()
    if not args.tuning:
        raise SystemExit("training text comes through scripts/gen_name_train.py")
    given = words("names", "heldout", "given-latin.txt")
    family = words("names", "heldout", "family-latin.txt")
    r = random.Random(args.seed)
    for i, item in enumerate(stories(r, given, family, True, args.stories, 0)):
        print(json.dumps({"id": i, **item}, ensure_ascii=False))


if __name__ == "__main__":
    main()
