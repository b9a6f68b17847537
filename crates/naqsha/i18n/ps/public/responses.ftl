### Pashto (ps) messages: responses to stories. Only the "what helped others" section of the strategies page is here so far.
### Status: draft translation, needs review by a native speaker before survivors rely on it.
### Made from the English and Urdu catalogs of the same name; keep every { $variable } as it is.

responses-strategies-heading = نورو ته څه ګټور و، د هغوی په خپلو خبرو کې
responses-strategies-explain = هغه ځوابونه چې لوستونکو د ”ما ته څه ګټور و“ په توګه استولي، او د یو نګران له لوستلو وروسته خپاره شوي. دا شخصي تجربې دي، مشوره نه ده.
responses-strategies-empty = تر اوسه چا نه دي ویلي چې هغوی ته څه ګټور و.
responses-strategies-unavailable = دا ځوابونه اوس نه شي ښودل کېدای. مهرباني وکړئ یوه دقیقه وروسته بیا وګورئ.
responses-strategies-written_under = دا چېرته لیکل شوی
