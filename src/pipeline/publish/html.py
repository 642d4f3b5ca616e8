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
figure {{ margin: 1.5rem 0; }} figure img {{ max-width: 100%; }}
figcaption {{ font-size: .9rem; color: #555; }}
footer.attribution {{ border-top: 1px solid #ccc; margin-top: 2rem; font-size: .9rem; }}
</style>
</head>
<body>
<article>
<h1>{title}</h1>
<p class="engine">{engine}</p>
{paragraphs}
{figures}
<footer class="attribution">
{attribution}
</footer>
</article>
</body>
</html>
"""


def _figure(src: str, caption: str, outlet: str) -> str:
    image = f'<img src="{escape(src)}" alt="{escape(caption)}">' \
        if src.startswith(("http://", "https://")) else ""
    return (f"<figure>{image}<figcaption>{escape(caption)} (Photo: {escape(outlet)})"
            "</figcaption></figure>")


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
            figures="\n".join(_figure(src, caption, a.outlet_en) for src, caption in article.figures),
            attribution="\n".join(lines),
        )
