/**
 * senior.concurrency.1: a polite, bounded, resumable crawler on virtual threads, with Jsoup parsing
 * in a worker pool and an embedded database; the entry class is {@link
 * org.interviewtasks.senior.concurrency.scraper.WebScraper}.
 */
package org.interviewtasks.senior.concurrency.scraper;
