### Sindhi (sd) messages: responses to stories. Only the "what helped others" section of the strategies page is here so far.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

responses-strategies-heading = ٻين کي ڪهڙي شيءِ مدد ڏني، سندن پنهنجن لفظن ۾
responses-strategies-explain = پڙهندڙن طرفان ”مون کي ڪهڙي شيءِ مدد ڏني“ طور موڪليل جواب، جيڪي نگران جي پڙهڻ کان پوءِ شايع ٿيا. هي ذاتي تجربا آهن، صلاح ناهي.
responses-strategies-empty = اڃا تائين ڪنهن به نه ٻڌايو آهي ته کين ڪهڙي شيءِ مدد ڏني.
responses-strategies-unavailable = هي جواب هن وقت ڏيکاري نٿا سگهجن. مهرباني ڪري هڪ منٽ کان پوءِ ٻيهر ڏسو.
responses-strategies-written_under = هي ڪٿي لکيو ويو
