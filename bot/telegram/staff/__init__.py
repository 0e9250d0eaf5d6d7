"""The staff side in Telegram: each case is a topic in the organisation's staff supergroup, with
a summary and buttons to claim it, close it and (for rent administrators) read the tenant's
reason. While a case is claimed, the tenant's messages go to the topic and staff replies in the
topic go to the tenant; the assistant stays out of it. Only accounts on the organisation's staff
list may act; what they may do is decided, and audited, in `bot.services.staff_cases`.

Everything is sent as plain text (no parse mode), so whatever a tenant writes stays inert.
"""

from bot.telegram.staff.desk import StaffDesk

__all__ = ["StaffDesk"]
