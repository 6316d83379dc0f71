"""A seeded, deterministic multilingual corpus of ~2,000-character wire stories for the bench.

Each story is a headline and lead written here from sentence templates for twelve languages, in
proportions close to a multilingual wire day (English most, then the large European and Middle
Eastern languages, with Armenian, Azerbaijani and Georgian as the small regional ones), padded to
wire length with public news and encyclopedia sentences of its language (:data:`PUBLIC`). A share of
the stories is written to match the shipped alert subscriptions (South Caucasus conflict and
diplomacy, natural disasters, terrorism) so the alert path carries real load. Country names come
from CLDR (Babel) in each language, so the same template yields many different stories.

Padding with the templates' own sentences, as this corpus once did, made 92 % of the stories
near-duplicates of one another (2,769 of 3,000 by the events agent's own test), so the bench
measured mostly the cheap duplicate path of the events hop, and 49 events held all the rest. Now a
fixed share, :data:`COPY_SHARE`, are copies (a re-send or a syndicated copy of a recent story under a
new id), and ``tests/unit/test_bench_corpus.py`` keeps the measured share of duplicates near it.
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import orjson

__all__ = ["COPY_SHARE", "LANGUAGE_SHARES", "PUBLIC", "TOPIC_SHARES", "BenchStory", "generate", "stories"]

LANGUAGE_SHARES: dict[str, float] = {
    "en": 0.30, "es": 0.09, "fr": 0.09, "de": 0.08, "ar": 0.10, "ru": 0.10,
    "tr": 0.06, "fa": 0.04, "uk": 0.04, "hy": 0.035, "az": 0.035, "ka": 0.02,
}  # fmt: skip

# caucasus, disaster and terror stories are written to trigger the shipped subscriptions.
TOPIC_SHARES: dict[str, float] = {"caucasus": 0.10, "disaster": 0.10, "terror": 0.06, "economy": 0.40, "sport": 0.34}

# Countries a non-Caucasus story is set in (ISO codes, named in each language by CLDR).
WORLD = ("TR", "ID", "IT", "MX", "PH", "NP", "CL", "PK", "IN", "GR", "PE", "FR", "DE", "ES", "BR", "JP", "EG", "NG")

# Per language: topic -> (headlines, sentences), plus "generic" sentences. Slots: {A} Armenia,
# {Z} Azerbaijan, {C} a world country, {n} and {m} numbers, {d} a weekday.
T: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "en": {
        "caucasus": (
            (
                "Moscow urges {A} and {Z} to halt fighting in Karabakh",
                "Shelling along the Karabakh line as {A} and {Z} trade blame",
            ),
            (
                "Armenian and Azerbaijani forces exchanged artillery fire overnight near the Karabakh line of contact, the defence ministry in Yerevan said.",
                "Baku accused {A} of shelling villages in the Tartar district and said {n} civilians were wounded.",
                "Foreign ministers in Moscow and Ankara called for an immediate ceasefire and a return to talks under the Minsk Group.",
                "Diplomats said a new round of peace negotiations between {A} and {Z} could open in Geneva within {m} days.",
            ),
        ),
        "disaster": (
            ("Magnitude {n}.{m} earthquake strikes {C}, dozens feared dead", "Floods in {C} force thousands from their homes"),
            (
                "A powerful earthquake struck {C} on {d}, collapsing buildings and killing at least {n} people, the disaster agency said.",
                "Rescue teams searched through rubble for survivors as aftershocks shook the region for hours.",
                "Torrential rain caused flash floods and landslides, and {m} villages were cut off after a river burst its banks.",
                "The government declared a state of emergency and sent troops to help with evacuation and relief.",
            ),
        ),
        "terror": (
            ("Suicide bomber kills {n} in attack on market in {C}", "Militants claim deadly bombing in {C}"),
            (
                "A suicide bomber detonated explosives at a crowded market on {d}, killing {n} people in what police called a terrorist attack.",
                "An Islamist militant group claimed responsibility for the bombing in a statement posted online.",
                "Security forces raised the terror alert level and arrested {m} suspects linked to the attack.",
                "The attack was the deadliest act of terrorism in the country this year, officials said.",
            ),
        ),
        "economy": (
            ("Central bank in {C} raises interest rates to {n} percent", "{C} inflation slows to {n}.{m} percent"),
            (
                "The central bank raised its benchmark interest rate by {m} basis points to fight persistent inflation.",
                "Annual consumer price inflation eased to {n}.{m} percent in the latest month, the statistics office said.",
                "Shares rose on the stock exchange as investors welcomed stronger than expected quarterly earnings.",
                "Economists expect growth of about {m} percent this year as exports and investment recover.",
            ),
        ),
        "sport": (
            ("{C} beat rivals {n}-{m} to reach the final", "Champions league: late goal sends club into quarter-finals"),
            (
                "The striker scored twice in the second half as the national team won {n}-{m} in front of a full stadium.",
                "The coach praised his players after the match and said the team was ready for the final.",
                "The midfielder was named player of the tournament after a season of goals and assists.",
                "Fans celebrated in the streets of the capital until late on {d} night.",
            ),
        ),
        "generic": (
            (),
            (
                "Officials said more details would be released later in the week.",
                "The report was published on {d} and was widely discussed in local media.",
                "A government spokesman declined to comment on the figures when contacted by reporters.",
                "Analysts said the coming weeks would show whether the trend would last.",
            ),
        ),
    },
    "fr": {
        "caucasus": (
            (
                "Moscou appelle l'{A} et l'{Z} à cesser les combats au Haut-Karabakh",
                "Bombardements au Karabakh : Erevan et Bakou s'accusent",
            ),
            (
                "Les forces arméniennes et azerbaïdjanaises ont échangé des tirs d'artillerie dans la nuit le long de la ligne de contact au Karabakh.",
                "Bakou accuse Erevan d'avoir bombardé des villages et fait état de {n} civils blessés.",
                "Les chefs de la diplomatie russe et turque ont appelé à un cessez-le-feu immédiat et à la reprise des négociations.",
                "Selon des diplomates, un nouveau cycle de pourparlers de paix pourrait s'ouvrir à Genève d'ici {m} jours.",
            ),
        ),
        "disaster": (
            ("Un séisme de magnitude {n}.{m} frappe la {C}", "Inondations meurtrières en {C} : des milliers d'évacués"),
            (
                "Un violent tremblement de terre a frappé le pays {d}, faisant au moins {n} morts et des centaines de blessés.",
                "Les secouristes fouillaient les décombres à la recherche de survivants, tandis que les répliques se poursuivaient.",
                "Des pluies torrentielles ont provoqué des crues et des glissements de terrain, isolant {m} villages.",
                "Le gouvernement a décrété l'état d'urgence et envoyé l'armée pour aider aux évacuations.",
            ),
        ),
        "terror": (
            ("Un attentat-suicide fait {n} morts sur un marché en {C}", "Attentat à la bombe : un groupe djihadiste revendique"),
            (
                "Un kamikaze a fait exploser sa charge sur un marché bondé {d}, tuant {n} personnes selon la police.",
                "Un groupe djihadiste a revendiqué l'attentat dans un communiqué diffusé sur internet.",
                "Les forces de sécurité ont relevé le niveau d'alerte terroriste et interpellé {m} suspects.",
                "Il s'agit de l'attaque terroriste la plus meurtrière de l'année dans le pays.",
            ),
        ),
        "economy": (
            ("La banque centrale relève ses taux à {n} %", "L'inflation ralentit à {n},{m} % en {C}"),
            (
                "La banque centrale a relevé son taux directeur de {m} points de base pour lutter contre l'inflation.",
                "La hausse des prix à la consommation a ralenti à {n},{m} % sur un an, selon l'institut de statistique.",
                "La Bourse a progressé, les investisseurs saluant des résultats trimestriels meilleurs que prévu.",
                "Les économistes tablent sur une croissance d'environ {m} % cette année grâce aux exportations.",
            ),
        ),
        "sport": (
            ("Football : victoire {n}-{m}, l'équipe file en finale", "Ligue des champions : un but tardif qualifie le club"),
            (
                "L'attaquant a marqué un doublé en seconde période devant un stade comble.",
                "L'entraîneur a salué l'état d'esprit de ses joueurs après le match.",
                "Le milieu de terrain a été élu meilleur joueur du tournoi.",
                "Les supporters ont fêté la victoire dans les rues de la capitale jusque tard dans la nuit.",
            ),
        ),
        "generic": (
            (),
            (
                "Des précisions doivent être communiquées dans le courant de la semaine.",
                "Le rapport, publié {d}, a été largement commenté par la presse locale.",
                "Un porte-parole du gouvernement n'a pas souhaité commenter ces chiffres.",
                "Selon les analystes, les prochaines semaines diront si la tendance se confirme.",
            ),
        ),
    },
    "es": {
        "caucasus": (
            (
                "Moscú pide a {A} y {Z} el alto el fuego en Nagorno Karabaj",
                "Combates en Karabaj: Ereván y Bakú se acusan mutuamente",
            ),
            (
                "Las fuerzas armenias y azerbaiyanas intercambiaron fuego de artillería durante la noche en la línea de contacto de Karabaj.",
                "Bakú acusó a Ereván de bombardear aldeas y dijo que {n} civiles resultaron heridos.",
                "Los cancilleres de Rusia y Turquía pidieron un alto el fuego inmediato y la vuelta a la mesa de negociación.",
                "Según diplomáticos, una nueva ronda de conversaciones de paz podría abrirse en Ginebra en {m} días.",
            ),
        ),
        "disaster": (
            ("Un terremoto de magnitud {n}.{m} sacude {C}", "Inundaciones en {C} obligan a evacuar a miles de personas"),
            (
                "Un fuerte terremoto sacudió el país el {d} y derrumbó edificios, con al menos {n} muertos según protección civil.",
                "Los equipos de rescate buscaban supervivientes entre los escombros mientras continuaban las réplicas.",
                "Las lluvias torrenciales provocaron inundaciones y deslizamientos de tierra que dejaron aisladas {m} localidades.",
                "El Gobierno declaró el estado de emergencia y desplegó al ejército para las evacuaciones.",
            ),
        ),
        "terror": (
            ("Un atentado suicida deja {n} muertos en un mercado de {C}", "Un grupo yihadista reivindica el atentado con bomba"),
            (
                "Un terrorista suicida hizo estallar una bomba en un mercado abarrotado el {d} y mató a {n} personas.",
                "Un grupo yihadista reivindicó el atentado en un comunicado difundido en internet.",
                "Las fuerzas de seguridad elevaron el nivel de alerta antiterrorista y detuvieron a {m} sospechosos.",
                "Es el ataque terrorista más mortífero del año en el país, según las autoridades.",
            ),
        ),
        "economy": (
            ("El banco central sube los tipos de interés al {n} %", "La inflación se modera al {n},{m} % en {C}"),
            (
                "El banco central subió su tipo de interés de referencia en {m} puntos básicos para frenar la inflación.",
                "La inflación interanual se moderó al {n},{m} % el último mes, según el instituto de estadística.",
                "La bolsa subió después de que las empresas presentaran beneficios trimestrales mejores de lo previsto.",
                "Los economistas prevén un crecimiento de alrededor del {m} % este año gracias a las exportaciones.",
            ),
        ),
        "sport": (
            (
                "Fútbol: la selección gana {n}-{m} y jugará la final",
                "Liga de Campeones: un gol en el descuento da el pase al club",
            ),
            (
                "El delantero marcó dos goles en la segunda parte ante un estadio lleno.",
                "El entrenador elogió a sus jugadores tras el partido y dijo que el equipo está listo para la final.",
                "El centrocampista fue elegido mejor jugador del torneo.",
                "Los aficionados celebraron la victoria en las calles de la capital hasta la madrugada.",
            ),
        ),
        "generic": (
            (),
            (
                "Las autoridades anunciaron que darán más detalles a lo largo de la semana.",
                "El informe, publicado el {d}, tuvo amplio eco en la prensa local.",
                "Un portavoz del Gobierno declinó comentar las cifras.",
                "Los analistas creen que las próximas semanas mostrarán si la tendencia se mantiene.",
            ),
        ),
    },
    "de": {
        "caucasus": (
            (
                "Moskau fordert {A} und {Z} zur Waffenruhe in Bergkarabach auf",
                "Gefechte in Karabach: Eriwan und Baku werfen sich Angriffe vor",
            ),
            (
                "Armenische und aserbaidschanische Truppen lieferten sich in der Nacht Artilleriegefechte an der Kontaktlinie in Karabach.",
                "Baku warf Eriwan vor, Dörfer beschossen zu haben, dabei seien {n} Zivilisten verletzt worden.",
                "Die Außenminister Russlands und der Türkei riefen zu einer sofortigen Waffenruhe und neuen Verhandlungen auf.",
                "Nach Angaben von Diplomaten könnten neue Friedensgespräche in Genf binnen {m} Tagen beginnen.",
            ),
        ),
        "disaster": (
            ("Erdbeben der Stärke {n},{m} erschüttert {C}", "Hochwasser in {C}: Tausende Menschen evakuiert"),
            (
                "Ein schweres Erdbeben hat am {d} Gebäude zum Einsturz gebracht, mindestens {n} Menschen kamen ums Leben.",
                "Rettungskräfte suchten in den Trümmern nach Überlebenden, während Nachbeben die Region erschütterten.",
                "Starkregen löste Überschwemmungen und Erdrutsche aus, {m} Dörfer waren von der Außenwelt abgeschnitten.",
                "Die Regierung rief den Notstand aus und schickte Soldaten zur Unterstützung der Evakuierung.",
            ),
        ),
        "terror": (
            ("Selbstmordanschlag auf Markt in {C}: {n} Tote", "Islamisten bekennen sich zu Bombenanschlag"),
            (
                "Ein Selbstmordattentäter zündete am {d} auf einem belebten Markt einen Sprengsatz und tötete {n} Menschen.",
                "Eine islamistische Terrorgruppe bekannte sich im Internet zu dem Anschlag.",
                "Die Sicherheitskräfte erhöhten die Terrorwarnstufe und nahmen {m} Verdächtige fest.",
                "Es war der schwerste Terroranschlag in dem Land in diesem Jahr.",
            ),
        ),
        "economy": (
            ("Zentralbank erhöht Leitzins auf {n} Prozent", "Inflation in {C} sinkt auf {n},{m} Prozent"),
            (
                "Die Zentralbank hob den Leitzins um {m} Basispunkte an, um die hartnäckige Inflation zu bekämpfen.",
                "Die Teuerungsrate sank im Vormonat auf {n},{m} Prozent, teilte das Statistikamt mit.",
                "Die Börse legte zu, nachdem Unternehmen bessere Quartalszahlen als erwartet vorgelegt hatten.",
                "Ökonomen rechnen in diesem Jahr mit einem Wachstum von etwa {m} Prozent.",
            ),
        ),
        "sport": (
            (
                "Fußball: {n}:{m}-Sieg, die Mannschaft steht im Finale",
                "Champions League: Spätes Tor bringt den Klub ins Viertelfinale",
            ),
            (
                "Der Stürmer traf in der zweiten Halbzeit zweimal vor ausverkauftem Stadion.",
                "Der Trainer lobte nach dem Spiel die Moral seiner Mannschaft.",
                "Der Mittelfeldspieler wurde zum besten Spieler des Turniers gewählt.",
                "Die Fans feierten den Sieg bis spät in die Nacht in den Straßen der Hauptstadt.",
            ),
        ),
        "generic": (
            (),
            (
                "Weitere Einzelheiten sollen im Laufe der Woche bekanntgegeben werden.",
                "Der am {d} veröffentlichte Bericht wurde in den örtlichen Medien breit diskutiert.",
                "Ein Regierungssprecher wollte die Zahlen nicht kommentieren.",
                "Analysten zufolge werden die kommenden Wochen zeigen, ob der Trend anhält.",
            ),
        ),
    },
    "ar": {
        "caucasus": (
            ("موسكو تدعو {A} و{Z} إلى وقف القتال في قره باغ", "قصف مدفعي على خط التماس في قره باغ وتبادل للاتهامات"),
            (
                "تبادلت القوات الأرمينية والأذربيجانية القصف المدفعي ليلا على خط التماس في إقليم قره باغ، بحسب وزارة الدفاع في يريفان.",
                "واتهمت باكو يريفان بقصف قرى في منطقة ترتر وقالت إن {n} مدنيين أصيبوا بجروح.",
                "ودعا وزيرا خارجية روسيا وتركيا إلى وقف فوري لإطلاق النار والعودة إلى طاولة المفاوضات.",
                "وقال دبلوماسيون إن جولة جديدة من محادثات السلام بين البلدين قد تبدأ في جنيف خلال {m} أيام.",
            ),
        ),
        "disaster": (
            ("زلزال بقوة {n}.{m} درجة يضرب {C} ومخاوف من سقوط عشرات القتلى", "فيضانات في {C} تجبر الآلاف على مغادرة منازلهم"),
            (
                "ضرب زلزال قوي البلاد يوم {d} وأدى إلى انهيار مبان ومقتل {n} شخصا على الأقل، بحسب هيئة الكوارث.",
                "وواصلت فرق الإنقاذ البحث عن ناجين تحت الأنقاض فيما هزت الهزات الارتدادية المنطقة لساعات.",
                "وتسببت الأمطار الغزيرة في فيضانات وانهيارات أرضية عزلت {m} قرى عن العالم.",
                "وأعلنت الحكومة حالة الطوارئ وأرسلت الجيش للمساعدة في عمليات الإجلاء والإغاثة.",
            ),
        ),
        "terror": (
            ("انتحاري يقتل {n} أشخاص في هجوم على سوق في {C}", "جماعة متشددة تتبنى التفجير الدامي في {C}"),
            (
                "فجر انتحاري حزاما ناسفا في سوق مزدحم يوم {d} ما أسفر عن مقتل {n} أشخاص في هجوم إرهابي بحسب الشرطة.",
                "وتبنت جماعة متشددة التفجير في بيان نشر على الإنترنت.",
                "ورفعت قوات الأمن مستوى التأهب لمواجهة الإرهاب واعتقلت {m} مشتبها بهم.",
                "وقال مسؤولون إن الهجوم هو الأكثر دموية في البلاد منذ بداية العام.",
            ),
        ),
        "economy": (
            ("البنك المركزي يرفع سعر الفائدة إلى {n} في المئة", "تباطؤ التضخم في {C} إلى {n}.{m} في المئة"),
            (
                "رفع البنك المركزي سعر الفائدة الرئيسي بمقدار {m} نقطة أساس لمواجهة التضخم.",
                "وتباطأ معدل التضخم السنوي إلى {n}.{m} في المئة الشهر الماضي، بحسب جهاز الإحصاء.",
                "وارتفعت الأسهم في البورصة بعد أن أعلنت الشركات أرباحا فصلية فاقت التوقعات.",
                "ويتوقع اقتصاديون نموا بنحو {m} في المئة هذا العام بفضل الصادرات والاستثمار.",
            ),
        ),
        "sport": (
            ("المنتخب يفوز {n}-{m} ويتأهل إلى النهائي", "دوري الأبطال: هدف متأخر يقود النادي إلى ربع النهائي"),
            (
                "سجل المهاجم هدفين في الشوط الثاني أمام مدرجات ممتلئة بالجماهير.",
                "وأشاد المدرب بلاعبيه بعد المباراة وقال إن الفريق جاهز للنهائي.",
                "واختير لاعب الوسط أفضل لاعب في البطولة.",
                "واحتفل المشجعون بالفوز في شوارع العاصمة حتى ساعة متأخرة من الليل.",
            ),
        ),
        "generic": (
            (),
            (
                "وقال مسؤولون إن مزيدا من التفاصيل سيعلن في وقت لاحق من الأسبوع.",
                "ونشر التقرير يوم {d} ولقي اهتماما واسعا في وسائل الإعلام المحلية.",
                "ورفض متحدث باسم الحكومة التعليق على الأرقام.",
                "ويقول محللون إن الأسابيع المقبلة ستظهر ما إذا كان هذا الاتجاه سيستمر.",
            ),
        ),
    },
    "ru": {
        "caucasus": (
            ("Москва призвала {A} и {Z} прекратить бои в Карабахе", "Обстрелы в Карабахе: Ереван и Баку обвиняют друг друга"),
            (
                "Армянские и азербайджанские войска ночью обменялись артиллерийскими ударами на линии соприкосновения в Карабахе.",
                "Баку обвинил Ереван в обстреле сел Тертерского района, по его данным, ранены {n} мирных жителей.",
                "Главы МИД России и Турции призвали к немедленному прекращению огня и возвращению к переговорам.",
                "По словам дипломатов, новый раунд мирных переговоров может начаться в Женеве в течение {m} дней.",
            ),
        ),
        "disaster": (
            ("Землетрясение магнитудой {n},{m} произошло в стране {C}", "Наводнение: тысячи жителей эвакуированы, {C}"),
            (
                "Мощное землетрясение в {d} разрушило дома, погибли не менее {n} человек, сообщили спасатели.",
                "Спасатели искали выживших под завалами, пока регион сотрясали повторные толчки.",
                "Проливные дожди вызвали наводнения и оползни, {m} сел оказались отрезаны от внешнего мира.",
                "Правительство объявило режим чрезвычайной ситуации и направило войска для помощи в эвакуации.",
            ),
        ),
        "terror": (
            ("Смертник убил {n} человек на рынке", "Боевики взяли на себя ответственность за теракт"),
            (
                "Террорист-смертник привел в действие взрывное устройство на многолюдном рынке, погибли {n} человек.",
                "Исламистская группировка взяла на себя ответственность за теракт в заявлении в интернете.",
                "Силовики повысили уровень террористической угрозы и задержали {m} подозреваемых.",
                "Это самый кровопролитный теракт в стране с начала года, заявили власти.",
            ),
        ),
        "economy": (
            ("Центробанк повысил ключевую ставку до {n}%", "Инфляция замедлилась до {n},{m}%"),
            (
                "Центральный банк повысил ключевую ставку на {m} базисных пунктов, чтобы сдержать инфляцию.",
                "Годовая инфляция в прошлом месяце замедлилась до {n},{m}%, сообщило статистическое ведомство.",
                "Акции на бирже выросли после того, как компании отчитались о квартальной прибыли выше ожиданий.",
                "Экономисты ожидают роста экономики примерно на {m}% в этом году благодаря экспорту.",
            ),
        ),
        "sport": (
            (
                "Футбол: сборная победила со счетом {n}:{m} и вышла в финал",
                "Лига чемпионов: поздний гол вывел клуб в четвертьфинал",
            ),
            (
                "Нападающий забил два мяча во втором тайме при полных трибунах.",
                "Главный тренер похвалил игроков после матча и сказал, что команда готова к финалу.",
                "Полузащитник признан лучшим игроком турнира.",
                "Болельщики праздновали победу на улицах столицы до поздней ночи.",
            ),
        ),
        "generic": (
            (),
            (
                "Подробности обещают сообщить позднее на этой неделе.",
                "Доклад, опубликованный в {d}, широко обсуждался в местных СМИ.",
                "Представитель правительства отказался комментировать эти данные.",
                "Аналитики считают, что ближайшие недели покажут, сохранится ли тенденция.",
            ),
        ),
    },
    "tr": {
        "caucasus": (
            (
                "Moskova, {A} ve {Z}'a Karabağ'da çatışmaları durdurma çağrısı yaptı",
                "Karabağ'da topçu ateşi: Erivan ve Bakü birbirini suçladı",
            ),
            (
                "Ermeni ve Azerbaycan güçleri gece boyunca Karabağ'daki temas hattında topçu atışı yaptı.",
                "Bakü, Erivan'ı Terter bölgesindeki köyleri bombalamakla suçladı ve {n} sivilin yaralandığını bildirdi.",
                "Rusya ve Türkiye dışişleri bakanları derhal ateşkes ilan edilmesi ve müzakerelere dönülmesi çağrısında bulundu.",
                "Diplomatlara göre yeni bir barış görüşmeleri turu {m} gün içinde Cenevre'de başlayabilir.",
            ),
        ),
        "disaster": (
            ("{n},{m} büyüklüğünde deprem: {C} sarsıldı", "{C}'da sel felaketi: binlerce kişi tahliye edildi"),
            (
                "{d} günü meydana gelen şiddetli deprem binaların çökmesine yol açtı, en az {n} kişi hayatını kaybetti.",
                "Arama kurtarma ekipleri enkaz altında hayatta kalanları ararken artçı sarsıntılar sürdü.",
                "Şiddetli yağışlar sel ve heyelanlara neden oldu, {m} köyle bağlantı kesildi.",
                "Hükümet olağanüstü hal ilan etti ve tahliyeler için askeri birlikler gönderdi.",
            ),
        ),
        "terror": (
            ("Pazar yerine intihar saldırısı: {n} ölü", "Cihatçı örgüt bombalı saldırıyı üstlendi"),
            (
                "Bir intihar bombacısı {d} günü kalabalık bir pazarda kendini patlattı, {n} kişi öldü.",
                "Cihatçı bir terör örgütü internette yayımladığı açıklamayla saldırıyı üstlendi.",
                "Güvenlik güçleri terör alarm seviyesini yükseltti ve {m} şüpheliyi gözaltına aldı.",
                "Yetkililere göre saldırı, ülkede bu yıl yaşanan en kanlı terör saldırısı oldu.",
            ),
        ),
        "economy": (
            ("Merkez Bankası politika faizini yüzde {n}'e yükseltti", "Enflasyon yüzde {n},{m}'e geriledi"),
            (
                "Merkez Bankası enflasyonla mücadele için politika faizini {m} baz puan artırdı.",
                "Yıllık tüketici enflasyonu geçen ay yüzde {n},{m}'e geriledi.",
                "Şirketlerin beklentileri aşan çeyrek kârları sonrasında borsa yükseldi.",
                "Ekonomistler bu yıl ihracat sayesinde yüzde {m} civarında büyüme bekliyor.",
            ),
        ),
        "sport": (
            ("Milli takım {n}-{m} kazandı ve finale yükseldi", "Şampiyonlar Ligi: son dakika golü çeyrek finale taşıdı"),
            (
                "Forvet oyuncusu ikinci yarıda dolu tribünler önünde iki gol attı.",
                "Teknik direktör maçın ardından oyuncularını övdü.",
                "Orta saha oyuncusu turnuvanın en iyi oyuncusu seçildi.",
                "Taraftarlar galibiyeti başkentin sokaklarında gece geç saatlere kadar kutladı.",
            ),
        ),
        "generic": (
            (),
            (
                "Yetkililer ayrıntıların hafta içinde açıklanacağını söyledi.",
                "{d} günü yayımlanan rapor yerel basında geniş yankı uyandırdı.",
                "Bir hükümet sözcüsü rakamlar hakkında yorum yapmadı.",
                "Analistler önümüzdeki haftaların eğilimin sürüp sürmeyeceğini göstereceğini belirtti.",
            ),
        ),
    },
    "fa": {
        "caucasus": (
            (
                "مسکو از {A} و {Z} خواست درگیری‌ها در قره‌باغ را متوقف کنند",
                "گلوله‌باران در خط تماس قره‌باغ؛ ایروان و باکو یکدیگر را متهم کردند",
            ),
            (
                "نیروهای ارمنستان و آذربایجان شب گذشته در خط تماس قره‌باغ با توپخانه به سوی یکدیگر شلیک کردند.",
                "باکو ایروان را به گلوله‌باران روستاها متهم کرد و گفت {n} غیرنظامی زخمی شدند.",
                "وزیران خارجه روسیه و ترکیه خواستار آتش‌بس فوری و بازگشت به میز مذاکره شدند.",
                "به گفته دیپلمات‌ها دور تازه مذاکرات صلح ممکن است ظرف {m} روز در ژنو آغاز شود.",
            ),
        ),
        "disaster": (
            ("زمین‌لرزه {n}.{m} ریشتری {C} را لرزاند", "سیل در {C} هزاران نفر را آواره کرد"),
            (
                "زمین‌لرزه‌ای شدید روز {d} ساختمان‌ها را ویران کرد و دست‌کم {n} نفر جان باختند.",
                "امدادگران در میان آوار به دنبال بازماندگان بودند و پس‌لرزه‌ها ادامه داشت.",
                "باران‌های سیل‌آسا موجب سیل و رانش زمین شد و ارتباط {m} روستا قطع شد.",
                "دولت وضعیت اضطراری اعلام کرد و نیروهای ارتش را برای تخلیه ساکنان اعزام کرد.",
            ),
        ),
        "terror": (
            ("حمله انتحاری در بازار {n} کشته برجای گذاشت", "یک گروه تندرو مسئولیت بمب‌گذاری را پذیرفت"),
            (
                "یک بمب‌گذار انتحاری روز {d} در بازاری شلوغ خود را منفجر کرد و {n} نفر کشته شدند.",
                "یک گروه تروریستی تندرو در بیانیه‌ای اینترنتی مسئولیت این حمله را پذیرفت.",
                "نیروهای امنیتی سطح هشدار تروریستی را بالا بردند و {m} مظنون را بازداشت کردند.",
                "مقام‌ها گفتند این مرگبارترین حمله تروریستی امسال در کشور بوده است.",
            ),
        ),
        "economy": (
            ("بانک مرکزی نرخ بهره را به {n} درصد افزایش داد", "تورم به {n}.{m} درصد کاهش یافت"),
            (
                "بانک مرکزی برای مهار تورم نرخ بهره پایه را {m} واحد پایه افزایش داد.",
                "به گفته مرکز آمار، تورم سالانه ماه گذشته به {n}.{m} درصد رسید.",
                "سهام در بورس پس از اعلام سود فصلی بهتر از انتظار شرکت‌ها بالا رفت.",
                "اقتصاددانان رشد حدود {m} درصدی را برای امسال پیش‌بینی می‌کنند.",
            ),
        ),
        "sport": (
            ("تیم ملی {n} بر {m} پیروز شد و به فینال رسید", "لیگ قهرمانان: گل دقایق پایانی باشگاه را به یک‌چهارم نهایی برد"),
            (
                "مهاجم تیم در نیمه دوم در برابر ورزشگاهی پر از تماشاگر دو گل به ثمر رساند.",
                "سرمربی پس از بازی از بازیکنانش تقدیر کرد.",
                "هافبک تیم بهترین بازیکن مسابقات شناخته شد.",
                "هواداران تا پاسی از شب در خیابان‌های پایتخت جشن گرفتند.",
            ),
        ),
        "generic": (
            (),
            (
                "مقام‌ها گفتند جزئیات بیشتر در اواخر هفته اعلام می‌شود.",
                "این گزارش روز {d} منتشر شد و بازتاب گسترده‌ای در رسانه‌های محلی داشت.",
                "سخنگوی دولت از اظهارنظر درباره این ارقام خودداری کرد.",
                "تحلیلگران می‌گویند هفته‌های آینده نشان خواهد داد که این روند ادامه می‌یابد یا نه.",
            ),
        ),
    },
    "uk": {
        "caucasus": (
            (
                "Москва закликала {A} та {Z} припинити бої в Карабасі",
                "Обстріли в Карабасі: Єреван і Баку звинувачують одне одного",
            ),
            (
                "Вірменські та азербайджанські війська вночі обмінялися артилерійськими ударами на лінії зіткнення в Карабасі.",
                "Баку звинуватив Єреван в обстрілі сіл, за його даними, поранено {n} цивільних.",
                "Міністри закордонних справ Росії та Туреччини закликали до негайного припинення вогню та переговорів.",
                "За словами дипломатів, новий раунд мирних переговорів може розпочатися в Женеві протягом {m} днів.",
            ),
        ),
        "disaster": (
            ("Землетрус магнітудою {n},{m} стався в країні {C}", "Повінь: тисячі людей евакуйовано, {C}"),
            (
                "Потужний землетрус у {d} зруйнував будинки, загинули щонайменше {n} людей, повідомили рятувальники.",
                "Рятувальники шукали вцілілих під завалами, поки регіон здригався від повторних поштовхів.",
                "Зливи спричинили повені та зсуви, {m} сіл опинилися відрізаними від світу.",
                "Уряд оголосив надзвичайний стан і направив військових на допомогу в евакуації.",
            ),
        ),
        "terror": (
            ("Смертник убив {n} людей на ринку", "Бойовики взяли на себе відповідальність за теракт"),
            (
                "Терорист-смертник підірвав вибуховий пристрій на людному ринку, загинули {n} людей.",
                "Ісламістське угруповання взяло на себе відповідальність за теракт у заяві в інтернеті.",
                "Силовики підвищили рівень терористичної загрози та затримали {m} підозрюваних.",
                "Це наймасштабніший теракт у країні від початку року, заявили у владі.",
            ),
        ),
        "economy": (
            ("Центробанк підвищив облікову ставку до {n}%", "Інфляція сповільнилася до {n},{m}%"),
            (
                "Центральний банк підвищив облікову ставку на {m} базисних пунктів, щоб стримати інфляцію.",
                "Річна інфляція минулого місяця сповільнилася до {n},{m}%, повідомила служба статистики.",
                "Акції на біржі зросли після того, як компанії звітували про прибутки, вищі за очікування.",
                "Економісти очікують зростання економіки приблизно на {m}% цього року.",
            ),
        ),
        "sport": (
            ("Футбол: збірна перемогла {n}:{m} і вийшла до фіналу", "Ліга чемпіонів: пізній гол вивів клуб до чвертьфіналу"),
            (
                "Нападник забив два м'ячі в другому таймі за повних трибун.",
                "Головний тренер похвалив гравців після матчу.",
                "Півзахисника визнано найкращим гравцем турніру.",
                "Уболівальники святкували перемогу на вулицях столиці до пізньої ночі.",
            ),
        ),
        "generic": (
            (),
            (
                "Подробиці обіцяють повідомити пізніше цього тижня.",
                "Доповідь, оприлюднена у {d}, широко обговорювалася в місцевих медіа.",
                "Речник уряду відмовився коментувати ці дані.",
                "Аналітики вважають, що найближчі тижні покажуть, чи збережеться тенденція.",
            ),
        ),
    },
    "hy": {
        "caucasus": (
            ("Մոսկվան կոչ է անում {A}ին և {Z}ին դադարեցնել մարտերը Ղարաբաղում", "Հրետակոծություն Ղարաբաղի շփման գծում"),
            (
                "Հայկական և ադրբեջանական ուժերը գիշերը հրետանային կրակ են փոխանակել Ղարաբաղի շփման գծում, հայտնում է պաշտպանության նախարարությունը։",
                "Բաքուն Երևանին մեղադրել է գյուղերի հրետակոծության մեջ և հայտնել, որ վիրավորվել է {n} խաղաղ բնակիչ։",
                "Ռուսաստանի և Թուրքիայի արտաքին գործերի նախարարները կոչ են արել անհապաղ հրադադարի և բանակցությունների վերսկսման։",
                "Դիվանագետների խոսքով՝ խաղաղության բանակցությունների նոր փուլը կարող է սկսվել Ժնևում {m} օրվա ընթացքում։",
            ),
        ),
        "disaster": (
            ("{n},{m} մագնիտուդով երկրաշարժ {C}ում", "Ջրհեղեղ {C}ում․ հազարավոր մարդիկ տարհանվել են"),
            (
                "Ուժեղ երկրաշարժը {d} օրը ավերել է շենքեր, զոհվել է առնվազն {n} մարդ։",
                "Փրկարարները փլատակների տակ ողջ մնացածների են որոնում, մինչդեռ հետցնցումները շարունակվում են։",
                "Հորդառատ անձրևները առաջացրել են ջրհեղեղներ և սողանքներ, {m} գյուղ կտրված է աշխարհից։",
                "Կառավարությունը արտակարգ դրություն է հայտարարել և զորք է ուղարկել տարհանմանն օգնելու։",
            ),
        ),
        "terror": (
            ("Ահաբեկչական պայթյուն շուկայում․ {n} զոհ", "Ծայրահեղական խմբավորումը ստանձնել է պայթյունի պատասխանատվությունը"),
            (
                "Մահապարտ ահաբեկիչը {d} օրը պայթեցրել է պայթուցիկ սարքը մարդաշատ շուկայում, զոհվել է {n} մարդ։",
                "Իսլամիստական ահաբեկչական խմբավորումը ստանձնել է հարձակման պատասխանատվությունը։",
                "Անվտանգության ուժերը բարձրացրել են ահաբեկչական վտանգի մակարդակը և ձերբակալել {m} կասկածյալի։",
                "Պաշտոնյաների խոսքով՝ սա տարվա ամենաարյունալի ահաբեկչությունն է երկրում։",
            ),
        ),
        "economy": (
            (
                "Կենտրոնական բանկը վերաֆինանսավորման տոկոսադրույքը բարձրացրել է մինչև {n} տոկոս",
                "Գնաճը դանդաղել է մինչև {n},{m} տոկոս",
            ),
            (
                "Կենտրոնական բանկը գնաճը զսպելու համար տոկոսադրույքը բարձրացրել է {m} բազիսային կետով։",
                "Տարեկան գնաճը անցյալ ամիս դանդաղել է մինչև {n},{m} տոկոս, հայտնում է վիճակագրական կոմիտեն։",
                "Բորսայում բաժնետոմսերը թանկացել են ընկերությունների եռամսյակային շահույթի աճից հետո։",
                "Տնտեսագետները այս տարի ակնկալում են մոտ {m} տոկոս տնտեսական աճ։",
            ),
        ),
        "sport": (
            (
                "Հավաքականը հաղթեց {n}:{m} հաշվով և դուրս եկավ եզրափակիչ",
                "Չեմպիոնների լիգա․ ուշ գոլը ակումբին տարավ քառորդ եզրափակիչ",
            ),
            (
                "Հարձակվողը երկրորդ խաղակեսում երկու գոլ է խփել լեփ-լեցուն մարզադաշտի առջև։",
                "Գլխավոր մարզիչը խաղից հետո գովել է ֆուտբոլիստներին։",
                "Կիսապաշտպանը ճանաչվել է մրցաշարի լավագույն խաղացող։",
                "Երկրպագուները հաղթանակը տոնել են մայրաքաղաքի փողոցներում մինչև ուշ գիշեր։",
            ),
        ),
        "generic": (
            (),
            (
                "Պաշտոնյաները նշել են, որ մանրամասները կհրապարակվեն շաբաթվա ընթացքում։",
                "Զեկույցը հրապարակվել է {d} օրը և լայն արձագանք է ստացել տեղական լրատվամիջոցներում։",
                "Կառավարության խոսնակը հրաժարվել է մեկնաբանել թվերը։",
                "Վերլուծաբանների կարծիքով՝ առաջիկա շաբաթները ցույց կտան՝ արդյոք միտումը կպահպանվի։",
            ),
        ),
    },
    "az": {
        "caucasus": (
            ("Moskva {A} və {Z}ı Qarabağda döyüşləri dayandırmağa çağırıb", "Qarabağda təmas xəttində artilleriya atəşi"),
            (
                "Azərbaycan və Ermənistan qüvvələri gecə Qarabağda təmas xəttində artilleriya atəşi açıb, Müdafiə Nazirliyi məlumat verib.",
                "Bakı İrəvanı Tərtər rayonunun kəndlərini atəşə tutmaqda ittiham edib, {n} mülki şəxs yaralanıb.",
                "Rusiya və Türkiyənin xarici işlər nazirləri dərhal atəşkəsə və danışıqlara qayıtmağa çağırıb.",
                "Diplomatların sözlərinə görə, sülh danışıqlarının yeni raundu {m} gün ərzində Cenevrədə başlaya bilər.",
            ),
        ),
        "disaster": (
            ("{C}da {n},{m} maqnitudalı zəlzələ baş verib", "{C}da daşqın: minlərlə insan təxliyə edilib"),
            (
                "{d} günü baş verən güclü zəlzələ binaları dağıdıb, ən azı {n} nəfər həlak olub.",
                "Xilasedicilər dağıntılar altında sağ qalanları axtarır, təkanlar isə davam edir.",
                "Güclü yağışlar daşqın və sürüşmələrə səbəb olub, {m} kəndlə əlaqə kəsilib.",
                "Hökumət fövqəladə vəziyyət elan edib və təxliyəyə kömək üçün hərbçilər göndərib.",
            ),
        ),
        "terror": (
            ("Bazarda terror hücumu: {n} nəfər ölüb", "Ekstremist qruplaşma partlayışın məsuliyyətini üzərinə götürüb"),
            (
                "Canlı bomba {d} günü izdihamlı bazarda partlayış törədib, {n} nəfər həlak olub.",
                "İslamçı terror qruplaşması internetdə yaydığı bəyanatla hücumun məsuliyyətini üzərinə götürüb.",
                "Təhlükəsizlik qüvvələri terror təhlükəsi səviyyəsini qaldırıb və {m} şübhəlini saxlayıb.",
                "Rəsmilər bildirib ki, bu, ölkədə ilin ən qanlı terror aktıdır.",
            ),
        ),
        "economy": (
            ("Mərkəzi Bank uçot dərəcəsini {n} faizə qaldırıb", "İnflyasiya {n},{m} faizə qədər yavaşlayıb"),
            (
                "Mərkəzi Bank inflyasiyanı cilovlamaq üçün uçot dərəcəsini {m} baza bəndi artırıb.",
                "İllik inflyasiya ötən ay {n},{m} faizə qədər yavaşlayıb, Statistika Komitəsi bildirib.",
                "Şirkətlərin gözləniləndən yaxşı rüblük mənfəətindən sonra birjada səhmlər bahalaşıb.",
                "İqtisadçılar bu il təxminən {m} faiz iqtisadi artım gözləyir.",
            ),
        ),
        "sport": (
            (
                "Millimiz {n}:{m} hesabı ilə qalib gəlib finala yüksəlib",
                "Çempionlar Liqası: son dəqiqə qolu klubu dörddəbir finala çıxarıb",
            ),
            (
                "Hücumçu ikinci hissədə dolu tribunlar qarşısında iki qol vurub.",
                "Baş məşqçi oyundan sonra futbolçularını tərifləyib.",
                "Yarımmüdafiəçi turnirin ən yaxşı oyunçusu seçilib.",
                "Azarkeşlər qələbəni paytaxtın küçələrində gecə yarısına qədər qeyd ediblər.",
            ),
        ),
        "generic": (
            (),
            (
                "Rəsmilər ətraflı məlumatın həftə ərzində açıqlanacağını bildirib.",
                "{d} günü dərc olunan hesabat yerli mediada geniş müzakirə olunub.",
                "Hökumət sözçüsü rəqəmləri şərh etməkdən imtina edib.",
                "Analitiklər hesab edir ki, yaxın həftələr tendensiyanın davam edib-etməyəcəyini göstərəcək.",
            ),
        ),
    },
    "ka": {
        "caucasus": (
            ("მოსკოვი {A}ს და {Z}ს ყარაბაღში ბრძოლის შეწყვეტისკენ მოუწოდებს", "საარტილერიო სროლა ყარაბაღის კონტაქტის ხაზზე"),
            (
                "სომხურმა და აზერბაიჯანულმა ძალებმა ღამით ყარაბაღის კონტაქტის ხაზზე ერთმანეთს საარტილერიო ცეცხლი გაუხსნეს.",
                "ბაქომ ერევანი სოფლების დაბომბვაში დაადანაშაულა და განაცხადა, რომ {n} მშვიდობიანი მოქალაქე დაიჭრა.",
                "რუსეთისა და თურქეთის საგარეო საქმეთა მინისტრებმა დაუყოვნებელი ცეცხლის შეწყვეტისკენ მოუწოდეს.",
                "დიპლომატების თქმით, სამშვიდობო მოლაპარაკებების ახალი რაუნდი ჟენევაში {m} დღეში შეიძლება დაიწყოს.",
            ),
        ),
        "disaster": (
            ("{n},{m} მაგნიტუდის მიწისძვრა {C}ში", "წყალდიდობა {C}ში: ათასობით ადამიანი ევაკუირებულია"),
            (
                "ძლიერმა მიწისძვრამ {d} შენობები დაანგრია, დაიღუპა სულ მცირე {n} ადამიანი.",
                "მაშველები ნანგრევებში გადარჩენილებს ეძებენ, ბიძგები კი გრძელდება.",
                "კოკისპირულმა წვიმებმა წყალდიდობა და მეწყერი გამოიწვია, {m} სოფელი მოწყვეტილია.",
                "მთავრობამ საგანგებო მდგომარეობა გამოაცხადა და ევაკუაციისთვის ჯარი გაგზავნა.",
            ),
        ),
        "terror": (
            ("ტერაქტი ბაზარში: {n} დაღუპული", "ექსტრემისტულმა დაჯგუფებამ აფეთქებაზე პასუხისმგებლობა აიღო"),
            (
                "თვითმკვლელმა ტერორისტმა {d} ხალხმრავალ ბაზარში ასაფეთქებელი მოწყობილობა აამოქმედა, დაიღუპა {n} ადამიანი.",
                "ისლამისტურმა ტერორისტულმა დაჯგუფებამ თავდასხმაზე პასუხისმგებლობა აიღო.",
                "უსაფრთხოების ძალებმა ტერორისტული საფრთხის დონე აამაღლეს და {m} ეჭვმიტანილი დააკავეს.",
                "ოფიციალური პირების თქმით, ეს წლის ყველაზე სისხლიანი ტერაქტია ქვეყანაში.",
            ),
        ),
        "economy": (
            ("ეროვნულმა ბანკმა რეფინანსირების განაკვეთი {n} პროცენტამდე გაზარდა", "ინფლაცია {n},{m} პროცენტამდე შენელდა"),
            (
                "ეროვნულმა ბანკმა ინფლაციის შესაკავებლად განაკვეთი {m} საბაზისო პუნქტით გაზარდა.",
                "წლიური ინფლაცია გასულ თვეში {n},{m} პროცენტამდე შენელდა, აცხადებს სტატისტიკის სამსახური.",
                "ბირჟაზე აქციები კომპანიების მოლოდინზე მაღალი კვარტალური მოგების შემდეგ გაძვირდა.",
                "ეკონომისტები წელს დაახლოებით {m} პროცენტიან ეკონომიკურ ზრდას ელიან.",
            ),
        ),
        "sport": (
            ("ნაკრებმა {n}:{m} მოიგო და ფინალში გავიდა", "ჩემპიონთა ლიგა: გვიანმა გოლმა კლუბი მეოთხედფინალში გაიყვანა"),
            (
                "თავდამსხმელმა მეორე ტაიმში სავსე სტადიონის წინაშე ორი გოლი გაიტანა.",
                "მთავარმა მწვრთნელმა მატჩის შემდეგ ფეხბურთელები შეაქო.",
                "ნახევარმცველი ტურნირის საუკეთესო მოთამაშედ დასახელდა.",
                "გულშემატკივრებმა გამარჯვება დედაქალაქის ქუჩებში გვიან ღამემდე იზეიმეს.",
            ),
        ),
        "generic": (
            (),
            (
                "ოფიციალური პირების თქმით, დეტალები კვირის განმავლობაში გახდება ცნობილი.",
                "ანგარიში {d} გამოქვეყნდა და ადგილობრივ მედიაში ფართოდ განიხილეს.",
                "მთავრობის სპიკერმა ციფრების კომენტირებაზე უარი თქვა.",
                "ანალიტიკოსების აზრით, მომდევნო კვირები აჩვენებს, გაგრძელდება თუ არა ტენდენცია.",
            ),
        ),
    },
}

TARGET_CHARS = 2000

#: Public sentences the stories are padded with: the topic evaluation file (Wikinews, SIB-200/FLORES,
#: ANT, WCEP texts in every bench language; sources and licences in benchmarks/data/topics/SOURCES.md).
PUBLIC = Path(__file__).resolve().parent / "data" / "topics" / "eval.jsonl.gz"

#: Share of stories that are copies of a recent one (same text, new id). Wire services and aggregators
#: resend and syndicate; this is an assumption for the bench, not a measured wire figure.
COPY_SHARE = 0.15
# A copy repeats one of this many stories before it.
_COPY_REACH = 200


@dataclass(frozen=True, slots=True)
class BenchStory:
    id: str
    language: str
    topic: str
    raw: bytes  # the JSON message as published

    @property
    def alertable(self) -> bool:
        return self.topic in ("caucasus", "disaster", "terror")


@cache
def _names(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse(lang).territories)


@cache
def _weekdays(lang: str) -> tuple[str, ...]:
    from babel import Locale

    return tuple(Locale.parse(lang).days["format"]["wide"].values())


def _fill(template: str, rng: random.Random, lang: str, country: str) -> str:
    names = _names(lang)
    return template.format(
        A=names["AM"], Z=names["AZ"], C=names[country], n=rng.randint(2, 97), m=rng.randint(2, 9),
        d=rng.choice(_weekdays(lang)),
    )  # fmt: skip


def _pick(rng: random.Random, shares: dict[str, float]) -> str:
    return rng.choices(list(shares), weights=list(shares.values()))[0]


@cache
def _public(lang: str) -> tuple[str, ...]:
    """The public sentences of ``lang``, in file order (so the corpus stays deterministic)."""
    with gzip.open(PUBLIC, "rb") as fh:
        rows = (orjson.loads(line) for line in fh)
        return tuple(r["text"] for r in rows if r["lang"] == lang and r["text"].strip())


def generate(i: int, seed: int = 7) -> BenchStory:
    """Story number ``i`` of the corpus with ``seed``: the same arguments give the same bytes."""
    rng = random.Random(seed * 1_000_003 + i)
    if i > 0 and rng.random() < COPY_SHARE:
        original = generate(rng.randrange(max(0, i - _COPY_REACH), i), seed)
        doc = orjson.loads(original.raw)
        story_id = f"bench-{seed}-{i}"
        doc.update(id=story_id, versioncreated=_created(i))
        return BenchStory(story_id, original.language, original.topic, orjson.dumps(doc))
    lang = _pick(rng, LANGUAGE_SHARES)
    topic = _pick(rng, TOPIC_SHARES)
    table = T[lang]
    country = rng.choice(WORLD)
    headline = _fill(rng.choice(table[topic][0]), rng, lang, country)
    lead = list(table[topic][1])
    rng.shuffle(lead)
    # One generic context line, then public sentences of the language pad the story to wire length.
    paragraphs = [_fill(s, rng, lang, country) for s in lead] + [_fill(rng.choice(table["generic"][1]), rng, lang, country)]
    length = len(headline) + sum(len(p) + 1 for p in paragraphs)
    pool = _public(lang)
    while length < TARGET_CHARS:
        extra = rng.choice(pool)
        paragraphs.append(extra)
        length += len(extra) + 1
    story_id = f"bench-{seed}-{i}"
    doc = {
        "id": story_id,
        "version": 1,
        "urgency": rng.choice((2, 3, 4, 4, 5)),
        "versioncreated": _created(i),
        "headline": headline,
        "body": "\n".join(paragraphs),
    }
    if rng.random() < 0.7:  # most providers tag a language; some do not
        doc["language"] = lang
    return BenchStory(story_id, lang, topic, orjson.dumps(doc))


def _created(i: int) -> str:
    return f"2024-05-0{1 + i % 9}T{i // 60 % 24:02d}:{i % 60:02d}:00Z"


def stories(n: int, seed: int = 7, start: int = 0) -> Iterator[BenchStory]:
    for i in range(start, start + n):
        yield generate(i, seed)
