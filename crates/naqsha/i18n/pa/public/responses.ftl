### Punjabi in Shahmukhi script (pa) messages: responses to stories. Only the "what helped others" section of the strategies page is here so far.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

responses-strategies-heading = دوجیاں نوں کس شے توں مدد ملی، اوہناں دے اپݨے لفظاں وچ
responses-strategies-explain = پڑھن والیاں ولوں ”مینوں کس شے توں مدد ملی“ وجوں گھلے گئے جواب، جیہڑے نگران دے پڑھن مگروں شائع ہوئے۔ ایہہ اپݨے تجربے نیں، صلاح نئیں۔
responses-strategies-empty = حالے تک کسے نے نئیں دسیا پئی اوہناں نوں کس شے توں مدد ملی۔
responses-strategies-unavailable = ایہہ جواب ایس ویلے نئیں وکھائے جا سکدے۔ مہربانی کر کے اک منٹ مگروں فیر ویکھو۔
responses-strategies-written_under = ایہہ کتھے لکھیا گیا
