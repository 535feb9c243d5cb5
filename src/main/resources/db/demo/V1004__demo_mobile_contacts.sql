-- Demo data (quick start only): the demo enterprises' contacts get (fictitious) mobile numbers, so the in-site
-- notices' SMS channel (cn.huiqi.inbox, docs/notices.md) has someone to text; a landline is logged as SKIPPED.
UPDATE enterprise SET contact_phone = '13800000001' WHERE uscc = '91360102MA35HQ1D2F';
UPDATE enterprise SET contact_phone = '13800000002' WHERE uscc = '91360111MA38GK7X58';
UPDATE enterprise SET contact_phone = '13800000003' WHERE uscc = '91360100MA39AB3C10';
UPDATE enterprise SET contact_phone = '13800000004' WHERE uscc = '91360121MA35XL0N86';
UPDATE enterprise SET contact_phone = '13800000005' WHERE uscc = '91360123MA37TW2P61';
