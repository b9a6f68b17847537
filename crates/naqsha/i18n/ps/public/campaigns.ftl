### Pashto (ps) messages: the public campaign pages (list of campaigns, one campaign, its prompt, stories and news).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

campaign-period = له { $first } تر { $last }
campaign-prompt_heading = د نن پوښتنه
campaign-today = نن:
campaign-stories_heading = د کمپاین کیسې
campaign-posts_heading = د کمپاین خبرونه
campaign-all = ټول کمپاینونه
campaign-list_title = کمپاینونه
campaign-list_intro = هغه کمپاینونه چې موږ پکې برخه اخلو، د هغوی له کیسو او هغو لیکنو سره چې موږ ورته کړې دي۔
campaign-none = تر اوسه هېڅ کمپاین نشته۔
campaign-now = اوس روان دی
