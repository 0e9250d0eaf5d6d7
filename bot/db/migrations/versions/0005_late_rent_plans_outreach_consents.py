"""Late rent: reasons, instalment plans, outreach messages, consents and referrals

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 02:26:32.806950
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=32), nullable=False),
    sa.Column('purpose', sa.String(length=64), nullable=False),
    sa.Column('text_key', sa.String(length=64), nullable=False),
    sa.Column('text_shown', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('given_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('consent_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('passed_on_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'], ),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenant.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_tenant_id'), ['tenant_id'], unique=False)

    op.create_table('outreach_message',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=48), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('chat_id', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['arrears_case.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'key')
    )
    with op.batch_alter_table('outreach_message', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outreach_message_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outreach_message_status'), ['status'], unique=False)

    op.create_table('payment_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('debt_ore', sa.BigInteger(), nullable=False),
    sa.Column('monthly_ore', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('confirmed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('missed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['arrears_case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('payment_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_plan_case_id'), ['case_id'], unique=False)

    op.create_table('plan_instalment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('amount_ore', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['payment_plan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plan_instalment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_instalment_plan_id'), ['plan_id'], unique=False)

    with op.batch_alter_table('arrears_case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reason_code', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('reason_text_encrypted', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('reason_given_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('reported_paid_on', sa.Date(), nullable=True))

    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.add_column(sa.Column('awaiting', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('awaiting_until', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_heard_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('tenant', schema=None) as batch_op:
        batch_op.drop_column('last_heard_at')

    with op.batch_alter_table('chat', schema=None) as batch_op:
        batch_op.drop_column('awaiting_until')
        batch_op.drop_column('awaiting')

    with op.batch_alter_table('arrears_case', schema=None) as batch_op:
        batch_op.drop_column('reported_paid_on')
        batch_op.drop_column('reason_given_at')
        batch_op.drop_column('reason_text_encrypted')
        batch_op.drop_column('reason_code')

    with op.batch_alter_table('plan_instalment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_instalment_plan_id'))

    op.drop_table('plan_instalment')
    with op.batch_alter_table('payment_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_plan_case_id'))

    op.drop_table('payment_plan')
    with op.batch_alter_table('outreach_message', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outreach_message_status'))
        batch_op.drop_index(batch_op.f('ix_outreach_message_case_id'))

    op.drop_table('outreach_message')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_tenant_id'))

    op.drop_table('referral')
    with op.batch_alter_table('consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_tenant_id'))

    op.drop_table('consent')
