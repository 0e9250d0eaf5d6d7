"""ledger snapshots and arrears cases

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('arrears_case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lease_id', sa.Integer(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('oldest_unpaid_due', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['lease_id'], ['lease.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('arrears_case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_arrears_case_lease_id'), ['lease_id'], unique=False)

    op.create_table('ledger_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lease_id', sa.Integer(), nullable=False),
    sa.Column('snapshot_date', sa.Date(), nullable=False),
    sa.Column('amount_overdue_ore', sa.BigInteger(), nullable=False),
    sa.Column('oldest_unpaid_due', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['lease_id'], ['lease.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('lease_id', 'snapshot_date')
    )
    with op.batch_alter_table('ledger_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_snapshot_lease_id'), ['lease_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('ledger_snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_snapshot_lease_id'))

    op.drop_table('ledger_snapshot')
    with op.batch_alter_table('arrears_case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_arrears_case_lease_id'))

    op.drop_table('arrears_case')
