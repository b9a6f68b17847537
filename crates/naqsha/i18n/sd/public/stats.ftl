### Sindhi (sd) messages: the labels of the help and resources page.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.
### Only the resources-* messages are here; the statistics page is not translated yet.

resources-title = مدد ۽ وسيلا
resources-intro = مدد ڪٿان ملي، شڪايت ڪيئن ڪجي، قانون ڇا ٿو چوي ۽ آن لائن وڌيڪ محفوظ ڪيئن رهجي.
resources-contents = هن صفحي تي
resources-bundled_note = نمبر ۽ پتا بدلجندا رهن ٿا. جيڪڏهن ڪو نمبر يا پتو ڪم نه ڪري ته اداري جي هاڻوڪي رابطي جي معلومات ڏسو.
