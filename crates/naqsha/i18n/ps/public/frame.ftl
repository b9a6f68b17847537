### Pashto (ps) messages: the frame of every public page (menu, help box) and the "hide your visit" advice for shared phones.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

frame-get_help = مرسته ترلاسه کړئ
frame-nav_stats = احصایې
frame-nav_data = ډېټا
frame-nav_help = مرسته

help_box-heading = همدا اوس له یو چا سره خبرې وکړئ
help_box-free = وړیا او محرمانه۔ تاسو ته اړتیا نشته چې خپل نوم ووایئ۔
help_box-more = نور هېلپ لاینونه او مشورې
help_box-no_number = هېلپ لاینونه، شکایت څنګه وکړئ او قانون څه وایي:

hide_visit-heading = که نور خلک هم دا ټیلیفون کاروي
hide_visit-private = پرایوېټ یا انکګنیټو کړکۍ وکاروئ (په کروم کې: ⋮ بیا “New Incognito tab”): په هغې کې د دې لیدنې هېڅ تاریخچه (هسټري) نه ساتل کېږي۔
hide_visit-clear = که نه، کله چې کار مو خلاص شو، دا ویب سایټ د خپل براوزر له تاریخچې (هسټري) څخه پاک کړئ، او دا ټب وتړئ۔
hide_visit-exit = “سمدستي ووځئ” (د هرې پاڼې په سر کې) سمدستي دا ویب سایټ پرېږدي او د بل ویب سایټ یوه عادي پاڼه پرانیزي۔
