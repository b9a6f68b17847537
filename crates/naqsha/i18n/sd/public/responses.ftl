### Sindhi (sd) messages: responses to stories and campaigns (the section under a story, the form, the receipt, changing or deleting a response) and the "what helped others" section of the strategies page.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

responses-heading = جواب
responses-empty = هتي اڃا تائين ڪو به جواب شايع نه ٿيو آهي.
responses-unavailable = جواب هن وقت ڏيکاري نٿا سگهجن. مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر ڏسو.
responses-more = وڌيڪ جواب
responses-someone = ڪو ماڻهو
responses-kind-support = حمايت جو پيغام
responses-kind-helped = مون کي ڪهڙي شيءِ مدد ڏني
responses-kind-creative = تخليقي جواب
responses-form-heading = جواب موڪليو
responses-form-moderated = توهان جيڪو به موڪليو، اهو تيستائين نه ڏيکاريو ويندو جيستائين ڪو نگران ان کي پڙهي منظور نه ڪري. مهرباني ڪري ڪنهن جو نالو، فون نمبر يا پتو نه لکو.
responses-form-problems_heading = مهرباني ڪري پنهنجو جواب ٻيهر ڏسو
responses-form-kind = توهان ڇا موڪلڻ چاهيو ٿا؟
responses-form-text = توهان جا لفظ
responses-form-text_hint = وڌ ۾ وڌ 2,000 اکر، اردو يا انگريزيءَ ۾.
responses-form-pseudonym = ساڻ ڏيکارڻ لاءِ ڪو نالو (اختياري)
responses-form-pseudonym_hint = گمنام رهڻ لاءِ خالي ڇڏيو. جيڪڏهن پنهنجي اصل نالي سان توهان کي خطرو ٿي سگهي ٿو ته اهو استعمال نه ڪريو.
responses-form-submit = منظوريءَ لاءِ موڪليو
responses-form-manage_link = پنهنجو موڪليل جواب بدلايو يا ميٽيو
responses-error-kind = مهرباني ڪري چونڊيو ته توهان ڇا موڪلڻ چاهيو ٿا.
responses-error-text_required = مهرباني ڪري پنهنجو جواب لکو.
responses-error-text_too_long = توهان جو جواب تمام ڊگهو آهي: مهرباني ڪري ان کي 2,000 اکرن کان گهٽ رکو.
responses-error-text_invalid = توهان جي جواب ۾ اهڙا اکر آهن جيڪي محفوظ نٿا ٿي سگهن. مهرباني ڪري اهي هٽايو.
responses-error-pseudonym_too_long = نالو تمام ڊگهو آهي: مهرباني ڪري ان کي 60 اکرن کان گهٽ رکو.
responses-error-pseudonym_invalid = نالي ۾ اهڙا اکر آهن جيڪي محفوظ نٿا ٿي سگهن. مهرباني ڪري اهي هٽايو.
responses-error-throttled =
    { $minutes ->
        [one] توهان جي نيٽ ورڪ مان ٿوري وقت ۾ تمام گهڻا جواب آيا آهن. توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري { $minutes } منٽ انتظار ڪري ٻيهر موڪليو.
       *[other] توهان جي نيٽ ورڪ مان ٿوري وقت ۾ تمام گهڻا جواب آيا آهن. توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري { $minutes } منٽ انتظار ڪري ٻيهر موڪليو.
    }
responses-error-form_expired = هي فارم گهڻي دير تائين کليل رهيو ۽ ان جو وقت پورو ٿي ويو. توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري ٻيهر موڪليو.
responses-error-already_sent = هي فارم اڳ ۾ ئي موڪليو ويو آهي ۽ توهان جو جواب ملي ويو آهي. ان جي رسيد موڪلڻ کان پوءِ ڏيکاري وئي هئي.
responses-error-unavailable = اسان هن وقت توهان جو جواب محفوظ نه ڪري سگهياسين، تنهن ڪري ڪجهه به نه موڪليو ويو. توهان جي لکت هيٺ محفوظ آهي؛ مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر موڪليو.
responses-receipt-title = توهان جو جواب ملي ويو آهي
responses-receipt-waiting = هي ڪنهن نگران جو انتظار ڪري رهيو آهي. جيستائين ڪو نگران ان کي منظور نه ڪري، توهان جو موڪليل ڪجهه به نه ڏيکاريو ويندو آهي؛ ان ۾ ڪجهه ڏينهن لڳي سگهن ٿا.
responses-receipt-heading = توهان جي رسيد
responses-receipt-explain = هن رسيد سان توهان ڏسي سگهو ٿا ته توهان جو جواب شايع ٿيو يا نه، ان جا لفظ بدلائي سگهو ٿا يا ان کي ميٽي سگهو ٿا. هيءَ رڳو هڪ ڀيرو ڏيکاري وڃي ٿي.
responses-receipt-manage_heading = پوءِ بدلايو يا ميٽيو
responses-receipt-manage_explain = هيءَ رسيد پنهنجن جوابن واري صفحي تي لکو. بدليل لفظ وري ڪنهن نگران جو انتظار ڪن ٿا؛ ميٽيل جواب، ۽ ان مان شايع ٿيل سڀ ڪجهه، ختم ٿي وڃي ٿو.
responses-receipt-manage_link = پنهنجن جوابن واري صفحي تي وڃو
responses-list-title = جواب
responses-list-back = ان صفحي ڏانهن واپس وڃو جنهن جا هي جواب آهن
responses-list-paging = جوابن جا صفحا
responses-list-newer = نوان جواب
responses-list-older = پراڻا جواب
responses-manage-title = توهان جو جواب
responses-manage-intro = جواب موڪلڻ وقت توهان کي جيڪا رسيد ملي هئي، اها لکو، ته جيئن ڏسي سگهو ته اهو ڪهڙي حال ۾ آهي، ان جا لفظ بدلائي سگهو يا ان کي ميٽي سگهو.
responses-manage-receipt_label = توهان جي رسيد
responses-manage-submit = منهنجو جواب ڳوليو
responses-manage-status_heading = ڪهڙي حال ۾ آهي
responses-manage-read_public = ان کي اتي پڙهو جتي اهو شايع ٿيو آهي
responses-manage-edit_heading = لفظ بدلايو
responses-manage-edit_explain = توهان جيڪو اڳ لکيو هو، اهو بند ٿيل آهي ۽ هتي ڏيکاري نٿو سگهجي: سڄو جواب ٻيهر لکو. نوان لفظ ڪنهن نگران جو انتظار ڪن ٿا؛ جيڪڏهن جواب شايع ٿي چڪو هو ته منظوريءَ تائين ان کي هڪدم هٽايو وڃي ٿو.
responses-manage-text = نوان لفظ
responses-manage-edit_submit = نوان لفظ منظوريءَ لاءِ موڪليو
responses-manage-creative_note = تخليقي جواب بدلائڻ لاءِ ان کي ميٽي ٻيهر موڪليو.
responses-manage-delete_heading = ان کي ميٽيو
responses-manage-delete_explain = توهان جو جواب هميشه لاءِ ميٽيو وڃي ٿو، ۽ جيڪڏهن شايع ٿيل هو ته هڪدم هٽايو وڃي ٿو.
responses-manage-delete_confirm = ها، منهنجو جواب ميٽي ڇڏيو
responses-manage-delete_submit = منهنجو جواب ميٽيو
responses-manage-edited = توهان جا نوان لفظ ملي ويا. اهي ڪنهن نگران جو انتظار ڪري رهيا آهن.
responses-manage-edited_was_public = توهان جا نوان لفظ ملي ويا. جيڪو شايع ٿيل هو، اهو هٽايو ويو آهي؛ نوان لفظ ڪنهن نگران جو انتظار ڪري رهيا آهن.
responses-manage-deleted = توهان جو جواب، ۽ ان مان شايع ٿيل سڀ ڪجهه، ميٽيو ويو.
responses-manage-status-pending = نگران جو انتظار
responses-manage-status-pending_explain = جيستائين ڪو نگران ان کي منظور نه ڪري، اهو ڪنهن کي به نه ڏيکاريو ويندو آهي.
responses-manage-status-approved = شايع ٿيل
responses-manage-status-approved_explain = هڪ نگران ان کي منظور ڪيو؛ اهو ان جي هيٺان ڏيکاريو وڃي ٿو جنهن جو هي جواب آهي.
responses-manage-status-rejected = منظور نه ٿيو
responses-manage-status-rejected_explain = هڪ نگران ان کي شايع نه ڪرڻ جو فيصلو ڪيو، ۽ ان ۾ لکيل ڳالهه ميٽي وئي.
responses-manage-error-throttled =
    { $minutes ->
        [one] توهان جي نيٽ ورڪ مان تمام گهڻيون ڪوششون ٿيون آهن. مهرباني ڪري { $minutes } منٽ انتظار ڪري ٻيهر ڪوشش ڪريو.
       *[other] توهان جي نيٽ ورڪ مان تمام گهڻيون ڪوششون ٿيون آهن. مهرباني ڪري { $minutes } منٽ انتظار ڪري ٻيهر ڪوشش ڪريو.
    }
responses-manage-error-form_expired = هي صفحو گهڻي دير تائين کليل رهيو. مهرباني ڪري پنهنجي رسيد ٻيهر لکو.
responses-manage-error-receipt_format = هيءَ رسيد نٿي لڳي. مهرباني ڪري ان کي جانچي ٻيهر لکو.
responses-manage-error-not_found = هن رسيد سان ڪو به جواب نه مليو. مهرباني ڪري رسيد جانچي ٻيهر ڪوشش ڪريو.
responses-manage-error-confirm_delete = جواب ميٽڻ جي تصديق لاءِ مهرباني ڪري خاني تي نشان لڳايو.
responses-manage-error-unavailable = اسان هن وقت اهو ڪم نه ڪري سگهياسين، تنهن ڪري ڪجهه به تبديل نه ٿيو. مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر ڪوشش ڪريو.
responses-strategies-heading = ٻين کي ڪهڙي شيءِ مدد ڏني، سندن پنهنجن لفظن ۾
responses-strategies-explain = پڙهندڙن طرفان ”مون کي ڪهڙي شيءِ مدد ڏني“ طور موڪليل جواب، جيڪي نگران جي پڙهڻ کان پوءِ شايع ٿيا. هي ذاتي تجربا آهن، صلاح ناهي.
responses-strategies-empty = اڃا تائين ڪنهن به نه ٻڌايو آهي ته کين ڪهڙي شيءِ مدد ڏني.
responses-strategies-unavailable = هي جواب هن وقت ڏيکاري نٿا سگهجن. مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر ڏسو.
responses-strategies-written_under = هي ڪٿي لکيو ويو
