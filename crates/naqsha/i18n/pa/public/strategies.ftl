### Punjabi in Shahmukhi script (pa) messages: the survivor strategies page (what was done and what happened, counted) and its link on the receipt.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

strategies-title = دوجیاں نے کیہ کیتا، تے کیہ ہویا
strategies-intro = جدوں کوئی واقعہ رپورٹ کردا اے تاں ساڈے نگران لکھدے نیں پئی اوہدے بارے کیہڑا قدم چکیا گیا تے اوہدے مگروں معاملہ کس حال وچ سی۔ ایہہ صفحہ ساہنوں رپورٹ کیتے گئے تے ساڈے اعداد و شمار وچ گݨے گئے واقعیاں وچ ایہہ قدم تے اوہناں دے نتیجے گݨدا اے، تاں جے تسیں ویکھ سکو پئی دوجیاں نے کیہ ازمایا۔
strategies-not_advice = ایہہ دوجے لوکاں دے واقعیاں وچ جو ہویا اوہدی گݨتی اے، صلاح نئیں: ہر حال وکھرا ہوندا اے، تے جو اک دے کم آیا اوہ کسے دوجے لئی محفوظ نہ ہووے۔
strategies-help_link = اپݨے حال لئی مدد تے صلاح لوو
strategies-recorded = ایہناں وچوں { $recorded } واقعیاں لئی کوئی قدم لکھیا ہویا اے۔
strategies-stats_link = سارے اعداد و شمار
strategies-receipt_link = ویکھو پئی دوجیاں نے اپݨے نال ہوئے واقعے اُتے کیہ کیتا، تے اوہدا کیہ نتیجہ نکلیا
strategies-table-heading = قدم تے اوہناں دے نتیجے
strategies-table-explain = ہر قطار اک قدم اے؛ اوہدے خانے دسدے نیں پئی ایہہ قدم چکݨ والے واقعیاں وچوں کنے کس نتیجے تے اپڑے۔
strategies-table-caption = چکے گئے قدم تے نتیجے دے حساب نال واقعے
strategies-table-cases = واقعے
strategies-table-no_outcome = نتیجہ لکھیا نئیں گیا
strategies-method-coded = قدم تے نتیجے نگران رپورٹ کرن والے دی دسی گل توں، واقعہ شائع ہوݨ یا گݨے جاݨ ویلے لکھدے نیں۔ ہو سکدا اے اوہدے مگروں معاملہ بدل گیا ہووے۔
strategies-method-small_cells = تاں جے کسے دی پچھاݨ نہ ہو سکے، 1 یا 2 دی گݨتی عدد دی تھاں ”3 توں گھٹ“ لکھی جاندی اے۔ باقی ہر گݨتی نیڑے دے 5 تک پوری کیتی جاندی اے، تاں جے اک گݨتی نوں دوجی توں گھٹا کے کوئی عدد پتہ نہ کیتا جا سکے۔
strategies-method-overlap = اک واقعے وچ اک توں ودھ قدم لکھے ہو سکدے نیں، ایس لئی اوہ اک توں ودھ قطاراں وچ گݨیا جا سکدا اے۔
