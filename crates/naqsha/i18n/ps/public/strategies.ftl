### Pashto (ps) messages: the survivor strategies page (what was done and what happened, counted) and its link on the receipt.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

strategies-title = نورو څه وکړل، او څه وشول
strategies-intro = کله چې څوک یوه پېښه راپور کړي، زموږ نګرانان لیکي چې د هغې په اړه کوم ګام پورته شو او وروسته حالت څنګه و. دا پاڼه هغه ګامونه او د هغو پایلې شمېري چې موږ ته راپور شوې او زموږ په شمېرو کې شمېرل شوې پېښې یې لري، څو تاسو وګورئ چې نورو څه وازمویل.
strategies-not_advice = دا د نورو خلکو په پېښو کې د شویو کارونو شمېر دی، مشوره نه ده: هر حالت بېل دی، او هغه څه چې یو چا ته ګټور و، ښايي بل چا ته خوندي نه وي.
strategies-help_link = د خپل حالت لپاره مرسته او مشوره واخلئ
strategies-recorded = له دغو څخه د { $recorded } پېښو لپاره یو ګام ثبت شوی دی.
strategies-stats_link = ټولې شمېرې
strategies-receipt_link = وګورئ چې نورو له خپلې پېښې سره څه وکړل، او پایله یې څه شوه
strategies-table-heading = ګامونه او د هغو پایلې
strategies-table-explain = هره کرښه یو ګام دی؛ د هغې خانې ښيي چې له هغو پېښو څخه چې دا ګام پکې پورته شوی، څو په کومه پایله ورسېدې.
strategies-table-caption = پېښې د پورته شوي ګام او پایلې له مخې
strategies-table-cases = پېښې
strategies-table-no_outcome = پایله نه ده ثبت شوې
strategies-method-coded = ګامونه او پایلې نګرانان د راپور ورکوونکي له خبرو څخه ثبتوي، هغه مهال چې پېښه خپره یا وشمېرل شي. ښايي له هغه وروسته حالت بدل شوی وي.
strategies-method-small_cells = د دې لپاره چې څوک ونه پېژندل شي، د 1 یا 2 شمېر د عدد پر ځای ”له 3 لږ“ لیکل کېږي. هر بل شمېر تر ټولو نږدې 5 ته پوره کېږي، څو د یو شمېر له بل څخه په کمولو کوم عدد معلوم نه شي.
strategies-method-overlap = په یوه پېښه کې له یوه ډېر ګامونه ثبت کېدای شي، نو هغه له یوې ډېرو کرښو کې شمېرل کېدای شي.
