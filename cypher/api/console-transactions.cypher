// Our console transactions for one request, found by the metadata they were opened with.
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.requestId = $requestId AND metaData.app = 'kg-explorer'
RETURN transactionId
