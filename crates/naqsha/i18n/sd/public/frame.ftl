### Sindhi (sd) messages: the frame of every public page (menu, help box, "hide your visit" advice for a shared phone).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

frame-get_help = مدد وٺو
frame-nav_stats = انگ اکر
frame-nav_data = ڊيٽا
frame-nav_help = مدد

help_box-heading = هاڻي ئي ڪنهن سان ڳالهايو
help_box-free = مفت ۽ رازدارانه. توهان کي پنهنجو نالو ٻڌائڻ جي ضرورت ناهي.
help_box-more = وڌيڪ هيلپ لائينون ۽ صلاحون
help_box-no_number = هيلپ لائينون، شڪايت ڪيئن ڪجي ۽ قانون ڇا ٿو چوي:

hide_visit-heading = جيڪڏهن هي فون ٻيا به استعمال ڪن ٿا
hide_visit-private = پرائيويٽ يا اِنڪاگنيٽو ونڊو استعمال ڪريو (ڪروم ۾: ⋮ پوءِ “New Incognito tab”): ان ۾ هن دوري جي ڪا به هسٽري محفوظ نه ٿيندي آهي.
hide_visit-clear = ٻي صورت ۾، ڪم پورو ٿيڻ تي برائوزر جي هسٽري مان هيءَ ويب سائيٽ ميٽي ڇڏيو ۽ هي ٽيب بند ڪريو.
hide_visit-exit = هر صفحي جي مٿان ”فوراً ٻاهر نڪرو“ دٻائڻ سان هيءَ ويب سائيٽ هڪدم بند ٿي ويندي ۽ ڪنهن ٻي ويب سائيٽ جو هڪ عام صفحو کلي ويندو.
