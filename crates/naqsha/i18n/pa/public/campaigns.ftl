### Punjabi (Shahmukhi) (pa) messages: the campaign pages (list of campaigns, one campaign's prompt, stories and news).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

campaign-period = { $first } توں { $last } تک
campaign-prompt_heading = اج دا سوال
campaign-today = اج:
campaign-stories_heading = مہم دیاں کہاݨیاں
campaign-posts_heading = مہم دیاں خبراں
campaign-all = ساریاں مہماں
campaign-list_title = مہماں
campaign-list_intro = اوہ مہماں جنہاں وچ اسیں حصہ لیندے آں، اوہناں دیاں کہاݨیاں تے اوہناں لئی ساڈیاں لکھتاں نال۔
campaign-none = اجے کوئی مہم نہیں۔
campaign-now = ہݨ چل رہی اے
