import { data } from 'react-router'
import { GeneralErrorBoundary } from '../components/error-boundary.tsx'
import { notFound } from '../utils/permissions.server.ts'

export function loader() {
	throw notFound()
}

export function action() {
	throw data({ message: 'errors.notFound' }, { status: 404 })
}

export default function NotFound() {
	return null
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
