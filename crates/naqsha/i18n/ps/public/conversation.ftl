### Pashto (ps) messages: the conversation with the organisation on the follow-up page (what the reporter sees).
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

conversation-heading = پیغامونه
conversation-empty = تر اوسه هېڅ پیغام نشته۔ کله چې زموږ ټیم تاسو ته ولیکي، پیغام به دلته ښکاره شي، او یوازې ستاسو رسید یې خلاصولای شي۔
conversation-from_org = اداره
conversation-from_you = تاسو
conversation-proposal_sent = موږ تاسو ته ستاسو د کیسې بې نومه لنډیز د منظورۍ لپاره درولېږه۔
conversation-answer_label = موږ ته ولیکئ
conversation-answer_hint = داسې تړل کېږي چې یوازې زموږ نګرانان او ستاسو رسید یې خلاصولای شي۔ داسې نومونه یا شمېرې مه لیکئ چې نه غواړئ موږ یې ولرو۔
conversation-answer_submit = ولېږئ
conversation-answered = ستاسو پیغام ولېږل شو۔
conversation-chose-approved = تاسو دا لنډیز منظور کړ۔ اوس هماغسې خپرېدای شي لکه څنګه چې تاسو ولید۔
conversation-chose-changes = تاسو د بدلون غوښتنه وکړه۔ مخکې له دې چې څه خپاره شي، موږ به تاسو ته نوی لنډیز درولېږو۔
conversation-chose-statistics_only = ستاسو انتخاب: کیسه مه خپروئ، یوازې یې په احصایو کې وشمېرئ۔
conversation-chose-private = ستاسو انتخاب: مه یې خپروئ او مه یې شمېرئ۔
conversation-approval-heading = له خپرېدو مخکې ستاسو منظوري
conversation-approval-intro = تاسو غوښتي وو چې له خپرېدو مخکې بې نومه لنډیز وګورئ۔ دا هغه څه دي چې ټولو ته به ښکاره شي۔ تر څو چې تاسو ځواب نه وي ورکړی، هېڅ شی نه خپرېږي۔
conversation-approval-in_en = لنډیز په انګرېزي کې
conversation-approval-in_ur = لنډیز په اردو کې
conversation-approval-question = تاسو څه غواړئ چې موږ یې وکړو؟
conversation-approval-text_label = څه باید بدل شي؟ (که د بدلون غوښتنه کوئ، اړین دی)
conversation-approval-text_hint = له هر بل ځواب سره هم کولای شئ یو یادښت ولیکئ۔
conversation-approval-confirm = زه پوهېږم: که “یوازې یې وشمېرئ” یا “مه یې خپروئ او مه یې شمېرئ” وټاکم، کیسه نه خپرېږي، او له هغې څخه چې څه دمخه ټولو ته ښکاره دي، لرې کېږي۔
conversation-approval-submit = زما ځواب ولېږئ
conversation-approval-answer-approved = لکه څنګه چې ښودل شوی، هماغسې یې خپور کړئ
conversation-approval-answer-changes = لومړی پکې بدلون راولئ
conversation-approval-answer-statistics_only = کیسه مه خپروئ؛ یوازې یې په احصایو کې وشمېرئ
conversation-approval-answer-private = مه یې خپروئ او مه یې شمېرئ
conversation-error-text_required = مهرباني وکړئ خپل پیغام ولیکئ۔
conversation-error-too_long = دا له 4,000 تورو اوږد دی۔ مهرباني وکړئ لنډ یې کړئ، یا یې په دوو پیغامونو کې ولېږئ۔
conversation-error-answer_required = مهرباني وکړئ له ځوابونو څخه یو وټاکئ۔
conversation-error-changes_text_required = مهرباني وکړئ ولیکئ چې څه باید بدل شي۔
conversation-error-confirm_statistics_only = په دې ځواب ستاسو کیسه نه خپرېږي: یوازې په احصایو کې شمېرل کېږي، او که له هغې څخه کیسه دمخه خپره شوې وي، لرې کېږي۔ مهرباني وکړئ د تایید لپاره پر خانه نښه ولګوئ۔
conversation-error-confirm_private = په دې ځواب ستاسو کیسه نه خپرېږي او نه شمېرل کېږي، او له هغې څخه چې څه دمخه ټولو ته ښکاره دي، لرې کېږي۔ مهرباني وکړئ د تایید لپاره پر خانه نښه ولګوئ۔
conversation-error-stale = د دې لنډیز پر ځای نوی لنډیز راغلی، یا دمخه ځواب ورکړل شوی و، نو ستاسو ځواب خوندي نه شو۔ مهرباني وکړئ هغه لنډیز ولولئ چې اوس ښودل کېږي۔
