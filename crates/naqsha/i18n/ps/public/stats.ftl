### Pashto (ps) messages: the statistics pages, the resources page (resources-*) and the additions to the story page (story_page-*).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

stats-title = احصایې
stats-intro = له ثبت شویو او بې نومه شویو پېښو څخه څومره پېښې په هر ډول کې راځي۔ د شمېرو د محدودولو لپاره ډولونه، کلونه یا صوبه وټاکئ؛ همدا فلټر پر نقشه هم کار کوي۔
stats-total_label = په دې انتخاب کې شمېرل شوې پېښې
stats-empty = هېڅ شمېرل شوې پېښه له دې انتخاب سره سمون نه لري۔
# "fewer than 3": a published count of 1 or 2 (the map, the home page, statistics).
stats-fewer_than = له { $k } لږ
stats-recorded = له { $total } پېښو څخه د { $recorded } لپاره ثبت شوی دی۔
stats-by_province = صوبه یا سیمه
stats-none_recorded = د دې انتخاب د هېڅ پېښې لپاره نه دی ثبت شوی۔
stats-by_year = کال
stats-filter-legend = شمېرې محدودې کړئ
stats-filter-from = له کال
stats-filter-to = تر کال
stats-filter-any_year = هر کال
stats-filter-province = صوبه یا سیمه
stats-filter-all_provinces = ټولې صوبې او سیمې
stats-filter-also = دا فلټرونه هم لګېدلي دي:
stats-filter-apply = وښایئ
stats-filter-clear = فلټر لرې کړئ
stats-link-report = د چاپ وړ لنډیز
stats-link-map = دا پېښې پر نقشه
stats-link-data = ډېټا ډاونلوډ کړئ
stats-chart-desc = د هر ډول لپاره یوه پټه: پټه څومره اوږده وي، پېښې هومره ډېرې دي۔ همدا شمېرې د چارټ لاندې په جدول کې هم شته۔
stats-table-show = د جدول په بڼه یې وښایئ
stats-table-category = ډول
stats-table-cases = پېښې
stats-table-share = د پېښو برخه
stats-method-title = دا شمېرې څنګه جوړېږي
stats-method-anonymised = دلته شمېرل شوې هره پېښه یو متاثره کس، شاهد یا خبري راپور ویلې ده، او یو نګران هغه یوازې هغه مهال خپره کړې چې نومونه، دقیق ځایونه او دقیقې نېټې ترې لرې شوي دي۔ ځایونه ضلعې یا صوبې دي؛ نېټې میاشتې دي۔
stats-method-counted = دلته، پر نقشه او د احصایو په API کې هره خپره شوې کیسه شمېرل کېږي، او هره هغه پېښه هم چې متاثره کس یې ”یوازې یې په احصایو کې وشمېرئ“ غوره کړی دی۔ دا پېښې هېڅکله د کیسې په توګه نه ښودل کېږي، په هېڅ لړلیک کې نه راځي او د خلاصې ډېټا په ډاونلوډونو کې نه وي؛ یوازې د هغو ډول، ضلع یا صوبه او میاشت شمېرل کېږي۔
stats-method-small_cells = د دې لپاره چې څوک ونه پېژندل شي، د 1 یا 2 شمېر د عدد پر ځای ”له 3 لږ“ لیکل کېږي او پټه یې نه رسمېږي۔ هر بل شمېر، د ټولو شمېرو په ګډون، تر ټولو نږدې 5 ته پوره کېږي، څو د یو شمېر له بل څخه په کمولو کوم عدد معلوم نه شي۔
stats-method-exact = سلنې له ښودل شویو پوره شویو شمېرو څخه حسابېږي۔ یوه پېښه له یوه ډېرو ډولونو کې کېدای شي، نو د یوه چارټ د شمېرو او سلنو مجموعه له ټولې شمېرې ډېره کېدای شي۔
stats-method-verification = نګرانان ثبتوي چې هره پېښه تر کومه حده وڅېړل شوه۔ په دې انتخاب کې: { $verified } د ادارې له خوا تایید شوې، { $corroborated } د بلې سرچینې یا ثبوت له لارې ملاتړ شوې، { $unverified } لکه څنګه چې ویل شوې هماغسې ثبت شوې۔
stats-method-data = بې نومه شوې پېښې د خلاصې ډېټا په توګه ډاونلوډ کېدای شي؛ د ډېټا په پاڼه کې یې جواز (لایسنس) لیکل شوی۔

stats_report-title = د ثبت شویو پېښو لنډیز
stats_report-back = احصایو ته بېرته ولاړ شئ
stats_report-print_hint = د دې پاڼې د چاپولو یا د PDF په توګه د ساتلو لپاره د خپل براوزر د چاپ (Print) امر وکاروئ۔ یوازې لاندې لنډیز چاپېږي۔
stats_report-years = کلونه
stats_report-area = سیمه
stats_report-all_years = ټول کلونه
stats_report-years_range = له { $from } تر { $to }
stats_report-years_from = له { $from }
stats_report-years_to = تر { $to } پورې
stats_report-all_areas = ټولې صوبې او سیمې
stats_report-total_heading = ثبت شوې پېښې
stats_report-verification_levels = د څېړنې کچې: ”د ادارې له خوا تایید شوې“ دا معنا لري چې ادارې پخپله د پېښې تایید کړی دی؛ ”د بلې سرچینې ملاتړ“ دا معنا لري چې بله سرچینه یا ثبوت یې ملاتړ کوي؛ ”لکه څنګه چې ویل شوې“ دا معنا لري چې پېښه هماغسې خپره شوې لکه متاثره کس یا شاهد چې ویلې ده۔
stats_report-online = همدا شمېرې له چارټونو سره آنلاین:
stats_report-generated = جوړ شوی: { $date }۔

resources-title = مرسته او سرچینې
resources-intro = مرسته له کومه ترلاسه کړئ، شکایت څنګه وکړئ، قانون څه وایي او آنلاین څنګه ډېر خوندي پاتې شئ۔
resources-contents = په دې پاڼه کې
resources-bundled_note = شمېرې او پتې بدلېږي۔ که یوه شمېره یا پته کار ونه کړي، د ادارې اوسني د اړیکې معلومات وګورئ۔

story_page-what_helped = کوم ګام پورته شو او څه وشول
story_page-resources_heading = په داسې حالت کې مرسته
story_page-map_similar = ورته پېښې پر نقشه
story_page-stats_similar = د ورته پېښو احصایې
story_page-share_heading = دا کیسه شریکه کړئ
story_page-share_label = د دې کیسې لینک
story_page-share_copy = لینک کاپي کړئ
story_page-share_copied = لینک کاپي شو۔
story_page-share_email = لینک په ای میل ولېږئ
story_page-resource-ncii = شخصي عکسونه، بلیک میلنګ او جنسي اخاذي
story_page-resource-account_recovery = د هک شوي یا جعلي اکاونټ بېرته اخیستل یا بندول
story_page-resource-safety = له تعقیب او جاسوسۍ څخه ساتنه
story_page-resource-report_fia = د سایبري جرمونو ادارو ته څنګه شکایت وکړئ
story_page-resource-helplines = د مرستې کرښې (هېلپ لاینونه)
story_page-resource-law = قانون څه وایي (پیکا 2016)
