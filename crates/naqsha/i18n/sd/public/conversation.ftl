### Sindhi (sd) messages: the survivor's conversation with the organisation on the follow-up page.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

conversation-heading = پيغام
conversation-empty = اڃا ڪو به پيغام ناهي. جڏهن اسان جي ٽيم توهان کي لکندي، ته پيغام هتي نظر ايندو، ۽ ان کي رڳو توهان جي رسيد کولي سگهي ٿي.
conversation-from_org = ادارو
conversation-from_you = توهان
conversation-proposal_sent = اسان توهان جي منظوريءَ لاءِ توهان کي توهان جي ڪهاڻيءَ جو گمنام خلاصو موڪليو آهي.
conversation-answer_label = اسان کي لکو
conversation-answer_hint = هي اهڙي طرح بند ڪيو وڃي ٿو جو ان کي رڳو اسان جا نگران ۽ توهان جي رسيد کولي سگهن. اهڙا نالا يا نمبر نه لکو جيڪي توهان اسان کي ڏيڻ نٿا چاهيو.
conversation-answer_submit = موڪليو
conversation-answered = توهان جو پيغام موڪليو ويو.
conversation-chose-approved = توهان هي خلاصو منظور ڪيو. هاڻي اهو ائين ئي شايع ٿي سگهي ٿو جيئن توهان ڏٺو.
conversation-chose-changes = توهان تبديليون گهريون آهن. ڪجهه به شايع ٿيڻ کان اڳ اسان توهان کي نئون خلاصو موڪلينداسين.
conversation-chose-statistics_only = توهان جي چونڊ: ڪهاڻي شايع نه ڪئي وڃي، رڳو انگن اکرن ۾ ڳڻي وڃي.
conversation-chose-private = توهان جي چونڊ: نه شايع ڪئي وڃي، نه ڳڻي وڃي.
conversation-approval-heading = شايع ٿيڻ کان اڳ توهان جي منظوري
conversation-approval-intro = توهان چيو هو ته شايع ٿيڻ کان اڳ توهان گمنام خلاصو ڏسڻ چاهيو ٿا. هيٺ اهو آهي جيڪو سڀني جي سامهون ايندو. توهان جي جواب تائين ڪجهه به شايع نه ٿيندو.
conversation-approval-in_en = انگريزيءَ ۾ خلاصو
conversation-approval-in_ur = اردوءَ ۾ خلاصو
conversation-approval-question = توهان ڇا ٿا چاهيو ته اسان ڪريون؟
conversation-approval-text_label = ڇا بدلجڻ گهرجي؟ (تبديلي گهرڻ جي صورت ۾ ضروري)
conversation-approval-text_hint = ڪنهن ٻئي جواب سان به توهان ڪا ڳالهه لکي سگهو ٿا.
conversation-approval-confirm = مون سمجهي ورتو آهي: ”رڳو انگن اکرن ۾ ڳڻيو“ يا ”نه شايع ڪريو، نه ڳڻيو“ چونڊڻ سان ڪهاڻي شايع نه ٿيندي، ۽ ان مان جيڪو ڪجهه اڳ ۾ ئي سڀني جي سامهون آهي، اهو هٽايو ويندو.
conversation-approval-submit = منهنجو جواب موڪليو
conversation-approval-answer-approved = جيئن ڏيکاريو ويو آهي، تيئن ئي شايع ڪريو
conversation-approval-answer-changes = پهريان ان ۾ تبديلي ڪريو
conversation-approval-answer-statistics_only = ڪهاڻي شايع نه ڪريو؛ رڳو انگن اکرن ۾ ڳڻيو
conversation-approval-answer-private = نه شايع ڪريو، نه ڳڻيو
conversation-error-text_required = مهرباني ڪري پنهنجو پيغام لکو.
conversation-error-too_long = هي پيغام 4,000 اکرن کان ڊگهو آهي. مهرباني ڪري ان کي مختصر ڪريو، يا ٻن پيغامن ۾ موڪليو.
conversation-error-answer_required = مهرباني ڪري جوابن مان هڪ چونڊيو.
conversation-error-changes_text_required = مهرباني ڪري لکو ته ڇا بدلجڻ گهرجي.
conversation-error-confirm_statistics_only = هن جواب سان توهان جي ڪهاڻي شايع نه ٿيندي: اها رڳو انگن اکرن ۾ ڳڻي ويندي، ۽ ان مان اڳ ۾ شايع ٿيل ڪهاڻي هٽائي ويندي. تصديق لاءِ مهرباني ڪري خاني تي نشان لڳايو.
conversation-error-confirm_private = هن جواب سان توهان جي ڪهاڻي نه شايع ٿيندي، نه ڳڻي ويندي، ۽ ان مان جيڪو ڪجهه اڳ ۾ ئي سڀني جي سامهون آهي، اهو هٽايو ويندو. تصديق لاءِ مهرباني ڪري خاني تي نشان لڳايو.
conversation-error-stale = هن خلاصي جي جاءِ تي نئون خلاصو اچي چڪو آهي، يا ان جو جواب اڳ ۾ ئي ڏنو ويو آهي، تنهن ڪري توهان جو جواب محفوظ نه ٿيو. مهرباني ڪري هاڻي ڏيکاريل خلاصو پڙهو.
