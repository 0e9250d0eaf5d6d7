"""Staff cases (handoff to a person), the audit log, consent text versions

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 02:49:11.741371
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('staff_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('tenant_id', sa.Integer(), nullable=True),
    sa.Column('chat_id', sa.BigInteger(), nullable=True),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('priority', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('announced_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('topic_id', sa.BigInteger(), nullable=True),
    sa.Column('summary_message_id', sa.BigInteger(), nullable=True),
    sa.Column('claimed_by', sa.BigInteger(), nullable=True),
    sa.Column('claimed_by_name', sa.String(length=200), nullable=True),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('satisfied', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], ),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('staff_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_case_chat_id'), ['chat_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_case_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_case_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_case_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('audit_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_telegram_id', sa.BigInteger(), nullable=True),
    sa.Column('actor_name', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['staff_case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.add_column(sa.Column('not_understood', sa.Integer(), nullable=False, server_default='0'))

    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text_version', sa.Integer(), nullable=False, server_default='1'))



def downgrade() -> None:
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_column('text_version')

    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.drop_column('not_understood')

    op.drop_table('audit_event')
    with op.batch_alter_table('staff_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_case_tenant_id'))
        batch_op.drop_index(batch_op.f('ix_staff_case_status'))
        batch_op.drop_index(batch_op.f('ix_staff_case_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_staff_case_chat_id'))

    op.drop_table('staff_case')
