### Pashto (ps) messages: responses to stories and campaigns (the section under a story, the form, the receipt, changing or deleting a response) and the "what helped others" section of the strategies page.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

responses-heading = ځوابونه
responses-empty = دلته تر اوسه هېڅ ځواب نه دی خپور شوی۔
responses-unavailable = ځوابونه همدا اوس نه شي ښودل کېدای۔ مهرباني وکړئ یوه دقیقه وروسته بیا وګورئ۔
responses-more = نور ځوابونه
responses-someone = یو څوک
responses-kind-support = د ملاتړ پیغام
responses-kind-helped = ما ته څه ګټور و
responses-kind-creative = تخلیقي ځواب
responses-form-heading = ځواب ولېږئ
responses-form-moderated = هغه څه چې تاسو یې لېږئ، تر هغه نه ښودل کېږي چې یو نګران یې ولولي او منظور یې کړي۔ مهرباني وکړئ د هېچا نوم، د ټیلیفون شمېره یا پته مه لیکئ۔
responses-form-problems_heading = مهرباني وکړئ خپل ځواب وګورئ
responses-form-kind = تاسو څه لېږئ؟
responses-form-text = ستاسو خبرې
responses-form-text_hint = تر 2,000 تورو پورې، په اردو یا انګرېزي کې۔
responses-form-pseudonym = یو نوم چې ورسره وښودل شي (اختیاري)
responses-form-pseudonym_hint = د بې نومه پاتې کېدو لپاره یې خالي پرېږدئ۔ که ستاسو اصلي نوم تاسو په خطر کې اچولی شي، هغه مه کاروئ۔
responses-form-submit = د منظورۍ لپاره یې ولېږئ
responses-form-manage_link = خپل لېږلی ځواب بدل یا پاک کړئ
responses-error-kind = مهرباني وکړئ وټاکئ چې څه لېږئ۔
responses-error-text_required = مهرباني وکړئ خپل ځواب ولیکئ۔
responses-error-text_too_long = ستاسو ځواب ډېر اوږد دی: مهرباني وکړئ له 2,000 تورو یې لنډ وساتئ۔
responses-error-text_invalid = ستاسو په ځواب کې داسې توري دي چې نه شي ساتل کېدای۔ مهرباني وکړئ لرې یې کړئ۔
responses-error-pseudonym_too_long = نوم ډېر اوږد دی: مهرباني وکړئ له 60 تورو یې لنډ وساتئ۔
responses-error-pseudonym_invalid = په نوم کې داسې توري دي چې نه شي ساتل کېدای۔ مهرباني وکړئ لرې یې کړئ۔
responses-error-throttled =
    { $minutes ->
        [one] ستاسو له شبکې (نېټ ورک) څخه په لږ وخت کې ډېر ځوابونه راغلي دي۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ { $minutes } دقیقه انتظار وکړئ او بیا یې ولېږئ۔
       *[other] ستاسو له شبکې (نېټ ورک) څخه په لږ وخت کې ډېر ځوابونه راغلي دي۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ { $minutes } دقیقې انتظار وکړئ او بیا یې ولېږئ۔
    }
responses-error-form_expired = دا فورم ډېر وخت خلاص پاتې شو او وخت یې تېر شو۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ بیا یې ولېږئ۔
responses-error-already_sent = دا فورم مخکې لېږل شوی و او ستاسو ځواب ترلاسه شوی دی۔ رسید یې له لېږلو وروسته ښودل شوی و۔
responses-error-unavailable = موږ همدا اوس ستاسو ځواب خوندي نه کړای شو، نو هېڅ شی ونه لېږل شو۔ ستاسو خبرې لاندې ساتل شوې دي؛ مهرباني وکړئ یوه دقیقه وروسته یې بیا ولېږئ۔
responses-receipt-title = ستاسو ځواب ترلاسه شو
responses-receipt-waiting = دا د یو نګران انتظار کوي۔ تر هغه چې یو نګران یې منظور نه کړي، ستاسو لېږلی هېڅ شی نه ښودل کېږي؛ دا ښايي څو ورځې ونیسي۔
responses-receipt-heading = ستاسو رسید
responses-receipt-explain = په دې رسید تاسو لیدلای شئ چې ستاسو ځواب خپور شو که نه، خبرې یې بدلولای شئ یا یې پاکولای شئ۔ دا یوازې یو ځل ښودل کېږي۔
responses-receipt-manage_heading = وروسته یې بدل یا پاک کړئ
responses-receipt-manage_explain = دا رسید د خپلو ځوابونو په پاڼه کې ولیکئ۔ بدلې شوې خبرې بیا د یو نګران انتظار کوي؛ پاک شوی ځواب، له هغه هر څه سره چې ترې خپاره شوي، له منځه ځي۔
responses-receipt-manage_link = د خپلو ځوابونو پاڼې ته ورشئ
responses-list-title = ځوابونه
responses-list-back = هغې پاڼې ته بېرته چې دا یې ځوابونه دي
responses-list-paging = د ځوابونو پاڼې
responses-list-newer = نوي ځوابونه
responses-list-older = زاړه ځوابونه
responses-manage-title = ستاسو ځواب
responses-manage-intro = هغه رسید ولیکئ چې د ځواب د لېږلو پر وخت درکړل شو، ترڅو وګورئ چې په کوم حال کې دی، خبرې یې بدلې کړئ یا یې پاک کړئ۔
responses-manage-receipt_label = ستاسو رسید
responses-manage-submit = زما ځواب ومومئ
responses-manage-status_heading = په کوم حال کې دی
responses-manage-read_public = هلته یې ولولئ چېرته چې خپور شوی دی
responses-manage-edit_heading = خبرې بدلې کړئ
responses-manage-edit_explain = هغه څه چې مو مخکې لیکلي وو، تړل شوي دي او دلته نه شي ښودل کېدای: ټول ځواب بیا ولیکئ۔ نوې خبرې د یو نګران انتظار کوي؛ که ځواب خپور شوی و، تر منظورۍ پورې سمدستي لرې کېږي۔
responses-manage-text = نوې خبرې
responses-manage-edit_submit = نوې خبرې د منظورۍ لپاره ولېږئ
responses-manage-creative_note = د تخلیقي ځواب د بدلولو لپاره یې پاک کړئ او بیا یې ولېږئ۔
responses-manage-delete_heading = پاک یې کړئ
responses-manage-delete_explain = ستاسو ځواب د تل لپاره پاکېږي، او که خپور شوی وي، سمدستي لرې کېږي۔
responses-manage-delete_confirm = هو، زما ځواب پاک کړئ
responses-manage-delete_submit = زما ځواب پاک کړئ
responses-manage-edited = ستاسو نوې خبرې ترلاسه شوې۔ هغوی د یو نګران انتظار کوي۔
responses-manage-edited_was_public = ستاسو نوې خبرې ترلاسه شوې۔ هغه څه چې خپاره شوي وو، لرې شول؛ نوې خبرې د یو نګران انتظار کوي۔
responses-manage-deleted = ستاسو ځواب، له هغه هر څه سره چې ترې خپاره شوي وو، پاک شو۔
responses-manage-status-pending = د نګران انتظار
responses-manage-status-pending_explain = تر هغه چې یو نګران یې منظور نه کړي، هېچا ته نه ښودل کېږي۔
responses-manage-status-approved = خپور شوی
responses-manage-status-approved_explain = یو نګران منظور کړ؛ د هغه څه لاندې ښودل کېږي چې دا یې ځواب دی۔
responses-manage-status-rejected = منظور نه شو
responses-manage-status-rejected_explain = یو نګران پرېکړه وکړه چې خپور یې نه کړي، او څه چې پکې لیکل شوي وو، پاک شول۔
responses-manage-error-throttled =
    { $minutes ->
        [one] ستاسو له شبکې څخه ډېرې هڅې شوې دي۔ مهرباني وکړئ { $minutes } دقیقه انتظار وکړئ او بیا هڅه وکړئ۔
       *[other] ستاسو له شبکې څخه ډېرې هڅې شوې دي۔ مهرباني وکړئ { $minutes } دقیقې انتظار وکړئ او بیا هڅه وکړئ۔
    }
responses-manage-error-form_expired = دا پاڼه ډېر وخت خلاصه پاتې شوه۔ مهرباني وکړئ خپل رسید بیا ولیکئ۔
responses-manage-error-receipt_format = دا رسید نه ښکاري۔ مهرباني وکړئ وې ګورئ او بیا یې ولیکئ۔
responses-manage-error-not_found = په دې رسید هېڅ ځواب ونه موندل شو۔ مهرباني وکړئ رسید وګورئ او بیا هڅه وکړئ۔
responses-manage-error-confirm_delete = مهرباني وکړئ پر خانه نښه ولګوئ ترڅو تایید کړئ چې خپل ځواب پاکول غواړئ۔
responses-manage-error-unavailable = موږ همدا اوس دا کار ونه کړای شو، نو هېڅ شی بدل نه شو۔ مهرباني وکړئ یوه دقیقه وروسته بیا هڅه وکړئ۔
responses-strategies-heading = نورو ته څه ګټور و، د هغوی په خپلو خبرو کې
responses-strategies-explain = هغه ځوابونه چې لوستونکو د ”ما ته څه ګټور و“ په توګه استولي، او د یو نګران له لوستلو وروسته خپاره شوي. دا شخصي تجربې دي، مشوره نه ده.
responses-strategies-empty = تر اوسه چا نه دي ویلي چې هغوی ته څه ګټور و.
responses-strategies-unavailable = دا ځوابونه اوس نه شي ښودل کېدای. مهرباني وکړئ یوه دقیقه وروسته بیا وګورئ.
responses-strategies-written_under = دا چېرته لیکل شوی
