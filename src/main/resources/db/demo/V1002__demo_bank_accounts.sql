-- Demo bank accounts (invented) for the payment list of the quick start.
UPDATE enterprise SET bank_name = '中国工商银行南昌东湖支行', bank_account = '1502200009000012345' WHERE uscc = '91360102MA35HQ1D2F';
UPDATE enterprise SET bank_name = '中国建设银行南昌青山湖支行', bank_account = '36050101000000067890' WHERE uscc = '91360111MA38GK7X58';
UPDATE enterprise SET bank_name = '江西银行南昌高新支行', bank_account = '792900012345678901' WHERE uscc = '91360100MA39AB3C10';
UPDATE enterprise SET bank_name = '中国农业银行南昌小蓝支行', bank_account = '14031101040012345' WHERE uscc = '91360121MA35XL0N86';
UPDATE enterprise SET bank_name = '中国银行安义支行', bank_account = '191234567890' WHERE uscc = '91360123MA37TW2P61';
