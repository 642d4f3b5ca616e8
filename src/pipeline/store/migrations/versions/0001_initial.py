"""initial schema: articles and review events

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.String(100), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("failed_stage", sa.String(20)),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("skip_reason", sa.String(40)),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("text_hash", sa.String(64)),
        sa.Column("headline", sa.Text),
        sa.Column("page", sa.JSON),
        sa.Column("raw", sa.LargeBinary),
        sa.Column("article", sa.JSON),
        sa.Column("draft", sa.JSON),
        sa.Column("reviewer", sa.String(200)),
        sa.Column("review_note", sa.Text),
        sa.Column("published", sa.JSON),
        sa.Column("chars_translated", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("url", "revision", name="uq_articles_url_revision"),
    )
    op.create_index("ix_articles_state", "articles", ["state"])
    op.create_index("ix_articles_text_hash", "articles", ["text_hash"])
    op.create_table(
        "review_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("reviewer", sa.String(200)),
        sa.Column("segment", sa.String(40)),
        sa.Column("text", sa.Text),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_review_events_article_id", "review_events", ["article_id"])


def downgrade() -> None:
    op.drop_table("review_events")
    op.drop_table("articles")
