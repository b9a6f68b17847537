### Punjabi in Shahmukhi script (pa) messages: the world map (this instance's cases and those of the instances it follows).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

world-title = شائع ہوئے واقعیاں دا دنیا دا نقشہ
world-intro = ایس سائٹ دے تے دوجے ملکاں دیاں اوہناں سائٹاں دے شائع ہوئے، گمنام واقعے جنہاں نوں ایہہ سائٹ فالو کردی اے۔ ہر واقعہ اوس سائٹ نال جڑیا اے جیہنے اوہنوں شائع کیتا۔
world-heading = ملک دے حساب نال واقعے
world-crumbs_label = زوم
world-crumb_world = دنیا
# { $count }: the number of cases on this view, as published (a number rounded to 5, or "fewer than 3").
world-totals = ایس نقشے تے واقعے: { $count }۔
world-svg_title = دنیا دا نقشہ: دائرے اوہناں ملکاں تے تھاواں تے لگے نیں جتھے شائع ہوئے واقعے نیں؛ جدولاں وچ گݨتی دتی گئی اے۔
world-interactive_label = شائع ہوئے واقعیاں دا دنیا دا نقشہ، جیہنوں تسیں نیڑے تے دور کر سکدے او۔
world-legend_area = دائرے دا پھیلاؤ واقعیاں دی گݨتی دسدا اے۔ نیڑے ویکھݨ لئی کوئی دائرہ یا جدول وچ کوئی ملک چݨو۔
world-boundaries_note = ملکاں دیاں لکیراں نیچرل ارتھ (Natural Earth) توں لئیاں گئیاں نیں تے سادیاں کیتیاں گئیاں نیں؛ ایہناں سرحداں نوں پکا نہ سمجھو۔
world-filter_source = شائع کرن والی سائٹ
world-all_sources = ساریاں سائٹاں
world-filter_kind = تشدد دی قسم
world-all_kinds = ساریاں قسماں
world-filter_act = کیہ کیتا گیا
world-all_acts = سارے کم
world-by_country_heading = ملک دے حساب نال واقعے
world-country_column = ملک
world-region_column = علاقہ
# { $country }: a country's name.
world-places_heading = { $country } وچ علاقے دے حساب نال واقعے
world-counts_note = 1 یا 2 دی گݨتی نوں ”3 توں گھٹ“ لکھیا جاندا اے؛ باقی گݨتیاں نیڑے دے 5 تک گول کیتیاں جاندیاں نیں۔
world-cases_heading = واقعے
# { $source }: the name of the site that published the case.
world-from_source = { $source } ولوں
# { $shown }: how many cases the list shows.
world-list_cut = سبھ توں نویں { $shown } واقعے دتے گئے نیں۔
world-empty = کوئی شائع ہویا واقعہ نہیں ملدا۔
world-bad_country = ملک دا ایہہ کوڈ پتہ نہیں۔ نقشے یا جدول وچوں کوئی ملک چݨو۔
world-bad_region = ایہہ علاقہ چݨے گئے ملک دا حصہ نہیں۔
world-attribution = لکیراں: نیچرل ارتھ (Natural Earth، پبلک ڈومین)۔ ملکاں دے کوڈ تے ناں: جیو نیمز (geonames.org)، CC BY 4.0۔ وکھائیاں گئیاں سرحداں پکیاں نہیں۔
