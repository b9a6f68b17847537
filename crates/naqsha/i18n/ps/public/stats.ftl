### Pashto (ps) messages: the labels of the resources page (only the resources-* messages of this file).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

resources-title = مرسته او سرچینې
resources-intro = مرسته له کومه ترلاسه کړئ، شکایت څنګه وکړئ، قانون څه وایي او آنلاین څنګه ډېر خوندي پاتې شئ۔
resources-contents = په دې پاڼه کې
resources-bundled_note = شمېرې او پتې بدلېږي۔ که یوه شمېره یا پته کار ونه کړي، د ادارې اوسني د اړیکې معلومات وګورئ۔

# "fewer than 3": a published count of 1 or 2 (the map, the home page, statistics).
stats-fewer_than = له { $k } لږ
