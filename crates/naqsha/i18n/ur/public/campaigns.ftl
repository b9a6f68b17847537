### campaign pages (ur). Every key must also be in the other language.

campaign-period = { $first } سے { $last } تک
campaign-prompt_heading = آج کا سوال
campaign-today = آج:
campaign-stories_heading = مہم کی کہانیاں
campaign-posts_heading = مہم کی خبریں
campaign-all = تمام مہمات
campaign-list_title = مہمات
campaign-list_intro = وہ مہمات جن میں ہم شریک ہیں، ان کی کہانیوں اور ان کے لیے ہماری تحریروں کے ساتھ۔
campaign-none = ابھی کوئی مہم نہیں۔
campaign-now = جاری ہے
