### Sindhi (sd) messages: the labels of the help and resources page.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### The statistics page is not translated yet: only the resources-* messages and the small-cell count ("fewer than 3", on the home page) are here.

resources-title = مدد ۽ وسيلا
resources-intro = مدد ڪٿان ملي، شڪايت ڪيئن ڪجي، قانون ڇا ٿو چوي ۽ آن لائن وڌيڪ محفوظ ڪيئن رهجي.
resources-contents = هن صفحي تي
resources-bundled_note = نمبر ۽ پتا بدلجندا رهن ٿا. جيڪڏهن ڪو نمبر يا پتو ڪم نه ڪري ته اداري جي هاڻوڪي رابطي جي معلومات ڏسو.

# "fewer than 3": a published count of 1 or 2 (the map, the home page, statistics).
stats-fewer_than = { $k } کان گهٽ
