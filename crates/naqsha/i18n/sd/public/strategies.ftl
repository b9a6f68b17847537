### Sindhi (sd) messages: the survivor strategies page (what was done and what happened, counted) and its link on the receipt.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

strategies-title = ٻين ڇا ڪيو، ۽ ڇا ٿيو
strategies-intro = جڏهن ڪو واقعو رپورٽ ڪري ٿو، اسان جا نگران لکن ٿا ته ان بابت ڪهڙو قدم کنيو ويو ۽ ان کان پوءِ معاملو ڪهڙي حال ۾ هو. هي صفحو اسان کي رپورٽ ڪيل ۽ اسان جي انگن اکرن ۾ ڳڻيل واقعن ۾ اهي قدم ۽ انهن جا نتيجا ڳڻي ٿو، ته جيئن توهان ڏسي سگهو ته ٻين ڇا آزمايو.
strategies-not_advice = هي ٻين ماڻهن جي واقعن ۾ جيڪو ٿيو ان جي ڳڻپ آهي، صلاح ناهي: هر صورتحال الڳ آهي، ۽ جيڪو هڪ جي ڪم آيو اهو ٻئي لاءِ محفوظ نه به هجي.
strategies-help_link = پنهنجي صورتحال لاءِ مدد ۽ صلاح وٺو
strategies-recorded = انهن مان { $recorded } واقعن لاءِ ڪو قدم لکيل آهي.
strategies-stats_link = سڀ انگ اکر
strategies-receipt_link = ڏسو ته ٻين پاڻ سان ٿيل واقعي تي ڇا ڪيو، ۽ ان جو ڇا نتيجو نڪتو
strategies-table-heading = قدم ۽ انهن جا نتيجا
strategies-table-explain = هر قطار هڪ قدم آهي؛ ان جا خانا ٻڌائين ٿا ته اهو قدم کڻندڙ واقعن مان ڪيترا ڪهڙي نتيجي تي پهتا.
strategies-table-caption = کنيل قدم ۽ نتيجي موجب واقعا
strategies-table-cases = واقعا
strategies-table-no_outcome = نتيجو لکيل ناهي
strategies-method-coded = قدم ۽ نتيجا نگران رپورٽ ڪندڙ جي ٻڌايل ڳالهه مان، واقعو شايع ٿيڻ يا ڳڻجڻ وقت لکن ٿا. ٿي سگهي ٿو ته ان کان پوءِ معاملو بدلجي ويو هجي.
strategies-method-small_cells = ته جيئن ڪنهن جي سڃاڻپ نه ٿي سگهي، 1 يا 2 جي ڳڻپ انگ بدران ”3 کان گهٽ“ لکي وڃي ٿي. باقي هر ڳڻپ ويجهي 5 تائين پوري ڪئي وڃي ٿي، ته جيئن هڪ ڳڻپ کي ٻي مان ڪٽي ڪو انگ معلوم نه ڪري سگهجي.
strategies-method-overlap = هڪ واقعي ۾ هڪ کان وڌيڪ قدم لکيل ٿي سگهن ٿا، تنهنڪري اهو هڪ کان وڌيڪ قطارن ۾ ڳڻجي سگهي ٿو.
