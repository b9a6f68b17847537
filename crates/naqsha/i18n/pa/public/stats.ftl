### Punjabi in Shahmukhi script (pa) messages: the labels of the resources page (help and resources).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

resources-title = مدد تے وسائل
resources-intro = مدد کتھوں ملے، شکایت کیویں کرنی اے، قانون کیہ آکھدا اے تے آن لائن کیویں ودھ محفوظ رہیا جاوے۔
resources-contents = ایس صفحے تے
resources-bundled_note = نمبر تے پتے بدلدے رہندے نیں۔ جے کوئی کم نہ کرے تاں ادارے دی ہݨ والی رابطہ جاݨکاری ویکھ لوو۔

# "fewer than 3": a published count of 1 or 2 (the map, the home page, statistics).
stats-fewer_than = { $k } توں گھٹ
