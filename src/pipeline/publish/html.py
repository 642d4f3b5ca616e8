"""A standalone HTML page per article; every text from the source is escaped."""

from __future__ import annotations

from html import escape

from pipeline.publish.document import EnglishArticle, FilePublisher

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font: 17px/1.55 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }}
.engine {{ color: #8a5a00; background: #fff6e0; padding: .4rem .6rem; font-size: .9rem; }}
footer.attribution {{ border-top: 1px solid #ccc; margin-top: 2rem; font-size: .9rem; }}
</style>
</head>
<body>
<article>
<h1>{title}</h1>
<p class="engine">{engine}</p>
{paragraphs}
<footer class="attribution">
{attribution}
</footer>
</article>
</body>
</html>
"""


class HtmlPublisher(FilePublisher):
    name = "html"
    extension = "html"

    def render(self, article: EnglishArticle) -> str:
        a = article.attribution
        lines = []
        for line in article.attribution_lines():
            if line.startswith("Original article: "):
                url = a.url
                link = f'<a href="{escape(url)}">{escape(url)}</a>' \
                    if url.startswith(("http://", "https://")) else escape(url)
                lines.append(f"<p>Original article: {link}</p>")
            else:
                lines.append(f"<p>{escape(line)}</p>")
        return _PAGE.format(
            title=escape(article.headline),
            engine=escape(f"{article.engine_label}; reviewed by {a.reviewer or '-'}."),
            paragraphs="\n".join(f"<p>{escape(p)}</p>" for p in article.paragraphs),
            attribution="\n".join(lines),
        )
