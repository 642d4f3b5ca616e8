"""Markdown with YAML front matter, one file per article."""

from __future__ import annotations

from urllib.parse import quote

import yaml

from pipeline.publish.document import EnglishArticle, FilePublisher


def _escape(text: str) -> str:
    """Keep source text from turning into Markdown structure or raw HTML."""
    text = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]#":
        text = text.replace(ch, "\\" + ch)
    return text


def _link(url: str) -> str:
    """A URL that cannot end a Markdown link early or open markup."""
    return quote(url, safe=":/?#&=%~+,;@!$'*-._")


class MarkdownPublisher(FilePublisher):
    name = "markdown"
    extension = "md"

    def render(self, article: EnglishArticle) -> str:
        a = article.attribution
        front = {
            "title": article.headline,
            "date": a.published_at.isoformat() if a.published_at else None,
            "source": {"outlet": a.outlet_en, "outlet_zh": a.outlet_zh,
                       "headline": a.original_headline, "url": a.url},
            "engine": a.engine,
            "engine_label": a.engine_label,
            "reviewer": a.reviewer,
            "translated_by": a.translated_by,
            "article_id": article.article_id,
        }
        body = [f"# {_escape(article.headline)}", "",
                f"> {_escape(article.engine_label)}; reviewed by {_escape(a.reviewer or '-')}.", ""]
        for paragraph in article.paragraphs:
            body += [_escape(paragraph), ""]
        for src, caption in article.figures:
            if src.startswith(("http://", "https://")):
                body += [f"![{_escape(caption)}]({_link(src)})", ""]
            body += [f"*{_escape(caption)}* (Photo: {_escape(a.outlet_en)})", ""]
        body += ["---", ""]
        body += [_escape(line) + "  " for line in article.attribution_lines()]
        matter = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        return f"---\n{matter}---\n\n" + "\n".join(body).rstrip() + "\n"
