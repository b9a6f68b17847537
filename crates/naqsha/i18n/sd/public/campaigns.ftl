### Sindhi (sd) messages: the campaign pages (list of campaigns, one campaign, its prompt, stories and news).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

campaign-period = { $first } کان { $last } تائين
campaign-prompt_heading = اڄ جو سوال
campaign-today = اڄ:
campaign-stories_heading = مهم جون ڪهاڻيون
campaign-posts_heading = مهم جون خبرون
campaign-all = سڀ مهمون
campaign-list_title = مهمون
campaign-list_intro = اهي مهمون جن ۾ اسان حصو وٺون ٿا، انهن جي ڪهاڻين ۽ انهن لاءِ اسان جي لکڻين سميت.
campaign-none = اڃا ڪا به مهم ناهي.
campaign-now = هاڻي هلي رهي آهي
